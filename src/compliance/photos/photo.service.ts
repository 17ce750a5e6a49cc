import {
  AppError,
  ForbiddenError,
  NotFoundError,
  requireAnyRole,
  type RequestContext,
} from '../../core/index.js';
import type { JournalService } from '../../journal/index.js';
import type { Metastore, MetastoreTx } from '../../metastore/index.js';
import type { AuditChainService, AuditResult } from '../audit/index.js';
import {
  SUBJECT_ROLES,
  manifestJson,
  validateSubjectId,
  type Subject,
  type SubjectPhoto,
  type SubjectService,
} from '../subjects/index.js';
import type { PhotoStore } from './photo-store.js';
import { checkPhotoSize, photoType } from './photo-type.js';

export interface PhotoDeps {
  readonly metastore: Metastore;
  readonly subjects: SubjectService;
  readonly journal: JournalService;
  readonly audit: AuditChainService;
  readonly store: PhotoStore;
}

export interface PhotoUpload {
  /** The Content-Type as sent: image/jpeg or image/png, parameters allowed. */
  readonly contentType: string | undefined;
  readonly bytes: Buffer;
}

export interface PhotoOutcome {
  readonly subject: Subject;
  readonly photo: SubjectPhoto;
  /** The photo this one replaced (its file is removed), if any. */
  readonly replaced: SubjectPhoto | null;
  /** Something that went wrong after the upload succeeded, e.g. the old file could not be removed. */
  readonly warnings: readonly string[];
}

/** The purpose audited when the caller declares none. */
export const PHOTO_PURPOSE = 'biometric enrolment';

/**
 * Biometric photos of subjects: accepted only with biometric consent given and the subject
 * active, stored privately, referenced from the manifest, every upload audited. The file, the
 * manifest and the audit row stand or fall together: a failed step undoes the earlier ones.
 */
export class PhotoService {
  readonly #deps: PhotoDeps;

  constructor(deps: PhotoDeps) {
    this.#deps = deps;
  }

  /** Refuses an upload before its body is read: bad type, unknown subject, no consent. */
  async precheck(
    ctx: RequestContext,
    subjectId: string,
    contentType: string | undefined,
  ): Promise<void> {
    requireAnyRole(ctx, SUBJECT_ROLES, 'uploading subject photos');
    validateSubjectId(subjectId);
    photoType(contentType);
    await this.#admit(ctx, await this.#subjectOrThrow(subjectId));
  }

  /** Stores the photo, points the manifest at it (replacing any earlier one) and audits the upload. */
  async upload(ctx: RequestContext, subjectId: string, upload: PhotoUpload): Promise<PhotoOutcome> {
    requireAnyRole(ctx, SUBJECT_ROLES, 'uploading subject photos');
    validateSubjectId(subjectId);
    const contentType = photoType(upload.contentType);
    checkPhotoSize(upload.bytes.length);
    const subject = await this.#subjectOrThrow(subjectId);
    await this.#admit(ctx, subject);
    const stored = await this.#deps.store.write(subject.storageKey, upload.bytes, contentType);
    const photo: SubjectPhoto = {
      path: stored.path,
      contentType,
      bytes: stored.bytes,
      sha256: stored.sha256,
      uploadedAt: ctx.clock.now().toISOString(),
    };
    const before = await this.#removeOnFailure(photo, () => this.#point(ctx, subjectId, photo));
    try {
      await this.#audit(ctx, subjectId, 'success');
    } catch (error) {
      return this.#undo(ctx, before, photo, error);
    }
    const warnings: string[] = [];
    if (before.photo !== null) await this.#removeReplaced(before.photo, warnings);
    return {
      subject: { ...before, photo, updatedAt: photo.uploadedAt },
      photo,
      replaced: before.photo,
      warnings,
    };
  }

  /** Points the manifest at the photo, journaled; returns the manifest as it was. */
  #point(ctx: RequestContext, subjectId: string, photo: SubjectPhoto): Promise<Subject> {
    return this.#deps.metastore.transaction(async (tx) => {
      const current = await this.#subjectOrThrow(subjectId, tx);
      // Consent may have been withdrawn since the check before the file was written.
      requireConsent(current, photo.uploadedAt);
      await this.#save(
        tx,
        ctx,
        current,
        { ...current, photo, updatedAt: photo.uploadedAt },
        'photo',
      );
      return current;
    });
  }

  /**
   * The audit row could not be written, so the upload must not stand: the manifest gets its
   * old photo back (unless another upload replaced ours meanwhile), then the file goes.
   */
  async #undo(
    ctx: RequestContext,
    before: Subject,
    photo: SubjectPhoto,
    auditError: unknown,
  ): Promise<never> {
    const id = before.subjectId;
    try {
      await this.#deps.metastore.transaction(async (tx) => {
        const current = await this.#subjectOrThrow(id, tx);
        if (current.photo?.path !== photo.path) return;
        const restored = { ...current, photo: before.photo, updatedAt: before.updatedAt };
        await this.#save(tx, ctx, current, restored, 'photo_rollback');
      });
    } catch (restoreError) {
      // The manifest may still point at the file, so the file stays.
      throw new AppError(
        'audit_write_failed',
        `could not audit the photo upload of subject ${id}, nor restore its manifest; the photo is kept`,
        { cause: new AggregateError([auditError, restoreError]) },
      );
    }
    await this.#deps.store.remove(photo.path);
    throw new AppError(
      'audit_write_failed',
      `could not audit the photo upload of subject ${id}; the photo was removed and the manifest restored`,
      { cause: auditError },
    );
  }

  async #save(
    tx: MetastoreTx,
    ctx: RequestContext,
    current: Subject,
    next: Subject,
    action: 'photo' | 'photo_rollback',
  ): Promise<void> {
    await this.#deps.subjects.save(tx, next);
    await this.#deps.journal.record(tx, ctx, {
      entityType: 'subject',
      entityId: current.subjectId,
      action,
      field: 'photo',
      oldValue: manifestJson(current).photo,
      newValue: manifestJson(next).photo,
    });
  }

  /** Runs `work`; if it fails, the just-written photo file is removed before the error goes on. */
  async #removeOnFailure<T>(photo: SubjectPhoto, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      try {
        await this.#deps.store.remove(photo.path);
      } catch (removeError) {
        throw new AggregateError(
          [error, removeError],
          `the photo upload failed and its file ${photo.path} could not be removed`,
        );
      }
      throw error;
    }
  }

  /** The old file goes only after the new photo is committed and audited. */
  async #removeReplaced(replaced: SubjectPhoto, warnings: string[]): Promise<void> {
    try {
      await this.#deps.store.remove(replaced.path);
    } catch (error) {
      // The upload stands; the leftover file is reported rather than failing it.
      warnings.push(
        `could not remove the replaced photo ${replaced.path}: ${(error as Error).message}`,
      );
    }
  }

  /** Refusal is audited as `denied`: an attempt to collect biometrics matters to the subject. */
  async #admit(ctx: RequestContext, subject: Subject): Promise<void> {
    try {
      requireConsent(subject, ctx.clock.now().toISOString());
    } catch (error) {
      await this.#audit(ctx, subject.subjectId, 'denied');
      throw error;
    }
  }

  async #subjectOrThrow(subjectId: string, tx?: MetastoreTx): Promise<Subject> {
    const subject = await this.#deps.subjects.find(subjectId, tx);
    if (!subject) throw new NotFoundError('subject_not_found', `no subject ${subjectId}`);
    return subject;
  }

  async #audit(ctx: RequestContext, subjectId: string, result: AuditResult): Promise<void> {
    await this.#deps.audit.append(subjectId, {
      accessor: {
        principal: ctx.principal.id,
        kind: ctx.principal.kind,
        purpose: ctx.purpose ?? PHOTO_PURPOSE,
        traceId: ctx.requestId,
      },
      fieldsAccessed: ['photo'],
      result,
    });
  }
}

/** Biometric data may be collected only from an active subject with biometric consent given. */
function requireConsent(subject: Subject, now: string): void {
  const consent = subject.consent.biometric.status;
  const refuse = (reason: string): never => {
    throw new ForbiddenError(
      `subject ${subject.subjectId} ${reason}: no biometric data may be collected`,
      {
        subject_id: subject.subjectId,
        status: subject.status,
        biometric_consent: consent,
        biometric_until: subject.biometricUntil,
      },
      'consent_required',
    );
  };
  if (subject.status !== 'active') refuse(`is ${subject.status}`);
  if (consent !== 'given') refuse(`has not given biometric consent (${consent})`);
  if (subject.biometricUntil !== null && subject.biometricUntil <= now)
    refuse(`is past biometric retention (ended ${subject.biometricUntil})`);
}
