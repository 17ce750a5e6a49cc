import {
  ConflictError,
  NotFoundError,
  requireAnyRole,
  uuidv7,
  type RequestContext,
} from '../core/index.js';
import {
  checkSourceConnection,
  createSourceConfig,
  discoverSource,
  openSavedSourceConfig,
  publicSourceConfig,
  sealSourceConfig,
  type PublicSourceConfig,
  type SavedSourceConfig,
  type SourceCatalog,
  type SourceConfig,
  type SourceInput,
} from '../connectors/index.js';
import { WRITERS } from '../catalog/index.js';
import type { JournalService } from '../journal/index.js';
import type { Metastore } from '../metastore/index.js';

export interface SavedSource {
  readonly id: string;
  readonly name: string;
  readonly config: PublicSourceConfig;
  readonly createdAt: string;
  readonly createdBy: string;
}

/**
 * Saved database sources. The password is sealed at rest with the source key (bound to the
 * source's id), never returned, and never in a journal event: those carry the public config
 * with its redacted DSN.
 */
export class SourceService {
  readonly #metastore: Metastore;
  readonly #journal: JournalService;
  readonly #key: Buffer;

  constructor(metastore: Metastore, journal: JournalService, key: Buffer) {
    this.#metastore = metastore;
    this.#journal = journal;
    this.#key = key;
  }

  async create(
    ctx: RequestContext,
    input: { name: string; source: SourceInput; verify?: boolean },
  ): Promise<SavedSource> {
    requireAnyRole(ctx, WRITERS, 'saving sources');
    const config = createSourceConfig(input.source);
    // By default a source is saved only once it answers: a typo fails now, not at import.
    if (input.verify !== false) await checkSourceConnection(config);
    const id = uuidv7();
    const saved: SavedSource = {
      id,
      name: input.name,
      config: publicSourceConfig(config),
      createdAt: ctx.clock.now().toISOString(),
      createdBy: ctx.principal.id,
    };
    await this.#metastore.transaction(async (tx) => {
      const clash = await tx
        .selectFrom('sources')
        .select('id')
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (clash) throw new ConflictError('conflict', `a source named ${input.name} exists`);
      await tx
        .insertInto('sources')
        .values({
          id,
          name: input.name,
          system: config.system,
          config: JSON.stringify(sealSourceConfig(config, this.#key, id)),
          created_at: saved.createdAt,
          created_by: saved.createdBy,
        })
        .execute();
      await this.#journal.record(tx, ctx, {
        entityType: 'source',
        entityId: id,
        action: 'create',
        newValue: { name: input.name, ...saved.config },
      });
    });
    return saved;
  }

  async list(ctx: RequestContext): Promise<SavedSource[]> {
    requireAnyRole(ctx, WRITERS, 'listing sources');
    const rows = await this.#metastore.db
      .selectFrom('sources')
      .selectAll()
      .orderBy('name')
      .execute();
    return rows.map((row) => this.#toSaved(row));
  }

  async get(ctx: RequestContext, id: string): Promise<SavedSource> {
    requireAnyRole(ctx, WRITERS, 'reading sources');
    return this.#toSaved(await this.#row(id));
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    requireAnyRole(ctx, WRITERS, 'deleting sources');
    const row = await this.#row(id);
    await this.#metastore.transaction(async (tx) => {
      await tx.deleteFrom('sources').where('id', '=', id).execute();
      await this.#journal.record(tx, ctx, {
        entityType: 'source',
        entityId: id,
        action: 'delete',
        oldValue: { name: row.name, ...this.#toSaved(row).config },
      });
    });
  }

  /** The source's full config, password opened: for connecting only, never for output. */
  async configOf(ctx: RequestContext, id: string): Promise<SourceConfig> {
    requireAnyRole(ctx, WRITERS, 'using sources');
    const row = await this.#row(id);
    return openSavedSourceConfig(JSON.parse(row.config) as SavedSourceConfig, this.#key, id);
  }

  /** Schemas, tables with estimated rows, and columns with source types. */
  async discover(ctx: RequestContext, config: SourceConfig): Promise<SourceCatalog> {
    requireAnyRole(ctx, WRITERS, 'discovering source tables');
    return discoverSource(config);
  }

  async #row(id: string) {
    const row = await this.#metastore.db
      .selectFrom('sources')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('source_not_found', `no source ${id}`);
    return row;
  }

  #toSaved(row: {
    id: string;
    name: string;
    config: string;
    created_at: string;
    created_by: string;
  }): SavedSource {
    const config = openSavedSourceConfig(
      JSON.parse(row.config) as SavedSourceConfig,
      this.#key,
      row.id,
    );
    return {
      id: row.id,
      name: row.name,
      config: publicSourceConfig(config),
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }
}
