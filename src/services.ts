import type { AccessService, KeyService, PrincipalService, RulesService } from './access/index.js';
import type {
  AiViewService,
  CatalogService,
  CompactionService,
  GarbageCollector,
  TombstoneService,
} from './catalog/index.js';
import type { AuditChainService } from './compliance/audit/index.js';
import type { SubjectService } from './compliance/subjects/index.js';
import type { ErasureService } from './compliance/erasure/index.js';
import type { LegalAccess, LegalAuditService } from './compliance/legal/index.js';
import type { PhotoService } from './compliance/photos/index.js';
import type { RetentionSweep } from './compliance/retention/index.js';
import type { ImportService, SourceService } from './sources/index.js';
import type { IngestService } from './ingest/index.js';
import type { JobService } from './jobs/index.js';
import type { JournalService } from './journal/index.js';
import type { PinCache, QueryLog, QueryService } from './query/index.js';
import type { Readiness } from './ops/readiness.js';
import type { BucketService, ObjectService } from './storage/index.js';

/** The domain services every transport calls. Transports never reach data any other way. */
export interface Services {
  readonly keys: KeyService;
  readonly access: AccessService;
  readonly rules: RulesService;
  readonly principals: PrincipalService;
  readonly tombstones: TombstoneService;
  readonly compaction: CompactionService;
  readonly gc: GarbageCollector;
  readonly views: AiViewService;
  readonly journal: JournalService;
  readonly buckets: BucketService;
  readonly objects: ObjectService;
  readonly catalog: CatalogService;
  readonly ingest: IngestService;
  readonly jobs: JobService;
  readonly query: QueryService;
  readonly queryLog: QueryLog;
  readonly pins: PinCache;
  readonly readiness: Readiness;
  readonly audit: AuditChainService;
  readonly subjects: SubjectService;
  readonly erasure: ErasureService;
  /** Authenticates the legal-token routes (without a configured token they answer 503). */
  readonly legalAccess: LegalAccess;
  readonly legal: LegalAuditService;
  readonly photos: PhotoService;
  readonly retention: RetentionSweep;
  readonly sources: SourceService;
  readonly imports: ImportService;
  readonly limits: { readonly maxUploadBytes: number };
}
