import type { KeyObject } from 'node:crypto';
import { AuditChainService, loadAuditKey } from './compliance/audit/index.js';
import { SubjectService } from './compliance/subjects/index.js';
import { ErasureService } from './compliance/erasure/index.js';
import {
  LegalAccess,
  LegalAuditService,
  loadLegalToken,
  type LegalToken,
} from './compliance/legal/index.js';
import { PhotoService, PhotoStore } from './compliance/photos/index.js';
import { RetentionSweep } from './compliance/retention/index.js';
import { ImportService, SourceService, loadSourceKey } from './sources/index.js';
import { loadInstanceId } from './ops/instance-id.js';
import { SubjectReadAudit } from './compliance/read-audit.js';
import { mkdir, rm } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import {
  AccessService,
  KeyService,
  PrincipalService,
  RateLimiter,
  RulesService,
  createDatasetGate,
  policyForRoles,
  throwIfLimited,
} from './access/index.js';
import {
  FaultInjector,
  createLogger,
  systemClock,
  systemContext,
  type Clock,
  type Config,
  type Logger,
  type Principal,
} from './core/index.js';
import { createHttpApp, type RegisteredRoute } from './http/app.js';
import { JournalService } from './journal/index.js';
import { Metastore } from './metastore/index.js';
import { Readiness } from './ops/readiness.js';
import type { Services } from './services.js';
import {
  AiViewService,
  CatalogService,
  CompactionService,
  GarbageCollector,
  TombstoneService,
} from './catalog/index.js';
import { InboxWatcher, IngestService } from './ingest/index.js';
import { JobService } from './jobs/index.js';
import {
  ConcurrencyGate,
  DuckDbEngine,
  DuckDbQueryEngine,
  NamespaceRegistry,
  QueryLog,
  QueryService,
  JournalMirror,
  PinCache,
  ResultStore,
  validatePredicate,
} from './query/index.js';
import { loadDemo } from './demo/index.js';
import { BucketService, ObjectService } from './storage/index.js';
import path from 'node:path';
import { VERSION } from './version.js';

export interface LakehouseOptions {
  readonly clock?: Clock;
  readonly logger?: Logger;
}

export interface BootstrapReport {
  /** Set only when this start generated the first admin key (print it once). */
  readonly generatedAdminKey?: string;
  readonly configuredAdminKeyInstalled: boolean;
  /** The metastore was empty at this start (first start of this data directory). */
  readonly fresh: boolean;
}

/**
 * The composition root: opens the metastore, builds every service once, wires the
 * transports to them, and owns their lifetimes (`start` / `stop`).
 */
export class Lakehouse {
  readonly config: Config;
  readonly metastore: Metastore;
  readonly engine: DuckDbEngine;
  readonly queryEngine: DuckDbQueryEngine;
  readonly services: Services;
  readonly http: FastifyInstance;
  readonly routes: readonly RegisteredRoute[];
  readonly logger: Logger;
  readonly bootstrap: BootstrapReport;
  #watcher: InboxWatcher | undefined;
  readonly #clock: Clock;
  #stopped = false;

  private constructor(parts: {
    config: Config;
    metastore: Metastore;
    engine: DuckDbEngine;
    queryEngine: DuckDbQueryEngine;
    services: Services;
    http: FastifyInstance;
    routes: RegisteredRoute[];
    logger: Logger;
    bootstrap: BootstrapReport;
    clock: Clock;
  }) {
    this.#clock = parts.clock;
    this.config = parts.config;
    this.metastore = parts.metastore;
    this.engine = parts.engine;
    this.queryEngine = parts.queryEngine;
    this.services = parts.services;
    this.http = parts.http;
    this.routes = parts.routes;
    this.logger = parts.logger;
    this.bootstrap = parts.bootstrap;
  }

  static async create(config: Config, options: LakehouseOptions = {}): Promise<Lakehouse> {
    const clock = options.clock ?? systemClock;
    const logger = options.logger ?? createLogger(config.logLevel);
    await mkdir(config.dataDir, { recursive: true });
    const metastore = await Metastore.open(config.metastoreUrl);
    const engine = await DuckDbEngine.create({
      ...(config.engine.threads !== undefined && { threads: config.engine.threads }),
      ...(config.engine.memoryLimit !== undefined && { memoryLimit: config.engine.memoryLimit }),
      tempDirectory: path.join(config.dataDir, 'staging', 'engine'),
    });
    const queryEngine = await DuckDbQueryEngine.create({
      allowedDirectories: [path.join(config.dataDir, 'buckets') + path.sep],
      tempDirectory: path.join(config.dataDir, 'staging', 'query-engine'),
      ...(config.engine.threads !== undefined && { threads: config.engine.threads }),
      ...(config.engine.memoryLimit !== undefined && { memoryLimit: config.engine.memoryLimit }),
    });
    try {
      const auditKey = await loadAuditKey({
        value: config.compliance.auditKey,
        file: config.compliance.auditKeyFile,
        dataDir: config.dataDir,
      });
      if (auditKey.source === 'generated')
        logger.warn(
          { path: auditKey.path },
          'generated a new audit-chain key; back it up apart from the metastore (without it no audit chain verifies)',
        );
      if (auditKey.warning) logger.warn(auditKey.warning);
      // A legal token under 32 bytes refuses the start, naming the setting.
      const legalToken = await loadLegalToken(config.compliance);
      if (legalToken?.warning) logger.warn(legalToken.warning);
      const sourceKey = await loadSourceKey({
        value: config.sourceSecretKey,
        file: config.sourceSecretKeyFile,
        dataDir: config.dataDir,
      });
      if (sourceKey.generatedPath)
        logger.warn(
          { path: sourceKey.generatedPath },
          'generated a new key for saved source passwords; back it up apart from the metastore',
        );
      const services = createServices(
        config,
        metastore,
        { engine, queryEngine },
        {
          clock,
          logger,
          auditKey: auditKey.key,
          sourceKey: sourceKey.key,
          legalToken: legalToken?.token ?? null,
          instanceId: await loadInstanceId(config.dataDir),
        },
      );
      const bootstrap = await bootstrapState(config, services, clock);
      const { app, routes } = await createHttpApp({
        services,
        logger,
        clock,
        version: VERSION,
        maxJsonBodyBytes: config.limits.maxJsonBodyBytes,
        rateLimit: keyRateLimit(config),
      });
      return new Lakehouse({
        config,
        metastore,
        engine,
        queryEngine,
        services,
        http: app,
        routes,
        logger,
        bootstrap,
        clock,
      });
    } catch (error) {
      engine.close();
      queryEngine.close();
      await metastore.close();
      throw error;
    }
  }

  /**
   * On the first start of a data directory (and unless LAKEHOUSE_DEMO=off), generates and
   * ingests the small demo staffing dataset. Returns whether it did.
   */
  async loadDemoIfFresh(onTable?: (table: string, rows: number) => void): Promise<boolean> {
    if (!this.config.demo || !this.bootstrap.fresh) return false;
    const ctx = systemContext();
    await loadDemo(this.services, ctx, {
      scale: 'small',
      workDir: path.join(this.config.dataDir, 'staging'),
      ...(onTable && { onTable }),
    });
    return true;
  }

  /** Listens on the configured host and port; returns the base URL. */
  async listen(): Promise<string> {
    const url = await this.http.listen({ host: this.config.host, port: this.config.port });
    await this.startInboxWatcher();
    return url;
  }

  /** Starts ingesting files dropped into the inbox (when LAKEHOUSE_INBOX_WATCH is on). */
  async startInboxWatcher(
    options: { intervalMs?: number; stableScans?: number } = {},
  ): Promise<InboxWatcher | undefined> {
    if (!this.config.inboxWatch || this.#watcher) return this.#watcher;
    this.#watcher = new InboxWatcher({
      inboxDir: this.config.inboxDir,
      ingest: this.services.ingest,
      catalog: this.services.catalog,
      logger: this.logger,
      clock: this.#clock,
      ...options,
    });
    await this.#watcher.start();
    return this.#watcher;
  }

  /** Stops accepting requests, lets in-flight ones finish, then closes the metastore. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    try {
      await this.#watcher?.stop();
      await this.http.close();
      this.logger.info('http server closed');
      await this.services.jobs.drain();
    } finally {
      await this.services.queryLog.flush();
      this.engine.close();
      this.queryEngine.close();
      await this.metastore.close();
    }
  }
}

interface Engines {
  readonly engine: DuckDbEngine;
  readonly queryEngine: DuckDbQueryEngine;
}

function createServices(
  config: Config,
  metastore: Metastore,
  engines: Engines,
  {
    clock,
    logger,
    auditKey,
    sourceKey,
    legalToken,
    instanceId,
  }: {
    clock: Clock;
    logger: Logger;
    auditKey: KeyObject;
    sourceKey: Buffer;
    legalToken: LegalToken | null;
    /** This server's id (jobs are recorded with it). */
    instanceId: string;
  },
): Services {
  const { engine, queryEngine } = engines;
  const audit = new AuditChainService(metastore, { key: auditKey, clock });
  const journal = new JournalService(metastore);
  const buckets = new BucketService(metastore, journal, config.dataDir);
  // Access looks datasets up in the catalog, and the catalog asks access who may see them:
  // each gets the other through a narrow interface, resolved lazily.
  const access = new AccessService(metastore, journal, {
    columnsOf: async (name) => (await catalog.find(name))?.columns.map((c) => c.name),
    validatePredicate: async (predicate, columns) => {
      await validatePredicate(predicate, columns, (sql) => queryEngine.serialize(sql));
    },
  });
  const gate = createDatasetGate(access);
  const views = new AiViewService({
    metastore,
    journal,
    gate,
    canReadView: async (ctx, name) =>
      (await access.policy()).allows(ctx.principal, 'view', name, 'read'),
    validatePredicate: async (predicate, columns) => {
      await validatePredicate(predicate, columns, (sql) => queryEngine.serialize(sql));
    },
  });
  const catalog: CatalogService = new CatalogService({
    metastore,
    journal,
    buckets,
    engine,
    clock,
    gate,
  });
  const jobs = new JobService(metastore, clock, instanceId);
  const faults = new FaultInjector(config.faultPoint);
  const tombstones = new TombstoneService({ metastore, journal, catalog, engine, gate });
  const ingest = new IngestService({
    metastore,
    journal,
    buckets,
    catalog,
    engine,
    jobs,
    asyncThresholdBytes: config.limits.ingestAsyncBytes,
    maxUploadBytes: config.limits.maxUploadBytes,
    stagingDir: path.join(config.dataDir, 'staging', 'uploads'),
    inboxDir: config.inboxDir,
    gate,
    faults,
    tombstones,
  });
  const queryLog = new QueryLog(metastore, logger);
  const compaction = new CompactionService({
    metastore,
    journal,
    catalog,
    buckets,
    engine,
    gate,
    tombstones,
    faults,
  });
  const rules = new RulesService(metastore, journal);
  const pins = new PinCache({
    engine: queryEngine,
    catalog,
    budgetBytes: config.query.pinBudgetBytes,
    clock,
    logger,
  });
  const query = new QueryService({
    engine: queryEngine,
    namespaces: new NamespaceRegistry(queryEngine, catalog, pins, access, views, tombstones),
    gate: new ConcurrencyGate(config.query.maxConcurrent, config.query.queueWaitMs),
    log: queryLog,
    journalMirror: new JournalMirror(queryEngine, metastore),
    readAudit: new SubjectReadAudit(audit),
    rules,
    results: new ResultStore(
      {
        maxResults: config.query.pagedResults,
        maxBytes: config.query.pagedBytes,
        ttlMs: config.query.pagedTtlMs,
      },
      clock,
    ),
    limits: {
      timeoutMs: config.query.timeoutMs,
      maxInlineRows: config.query.maxInlineRows,
      maxPagedRows: config.query.maxPagedRows,
    },
    hiddenPaths: [config.dataDir],
  });
  const subjects = new SubjectService({
    metastore,
    journal,
    catalog,
    tombstones,
    engine,
    audit,
    retention: {
      generalMs: config.compliance.generalRetentionMs,
      biometricMs: config.compliance.biometricRetentionMs,
    },
  });
  return {
    journal,
    query,
    queryLog,
    pins,
    access,
    rules,
    views,
    principals: new PrincipalService(metastore, journal),
    tombstones,
    compaction,
    gc: new GarbageCollector({
      metastore,
      journal,
      catalog,
      buckets,
      gate,
      retentionMs: config.snapshotRetentionMs,
    }),
    keys: new KeyService(metastore, journal, clock),
    buckets,
    objects: new ObjectService(metastore, journal, buckets, config.limits.maxObjectBytes),
    catalog,
    ingest,
    jobs,
    readiness: new Readiness(metastore, config.dataDir),
    audit,
    subjects,
    sources: new SourceService(metastore, journal, sourceKey),
    imports: new ImportService({
      metastore,
      catalog,
      ingest,
      jobs,
      engine,
      buckets,
      stagingDir: path.join(config.dataDir, 'staging', 'imports'),
    }),
    erasure: new ErasureService({
      metastore,
      journal,
      catalog,
      tombstones,
      compaction,
      buckets,
      engine,
      pins,
      query,
      subjects,
      audit,
      privateRoot: path.join(config.dataDir, 'private'),
    }),
    legalAccess: new LegalAccess(legalToken, clock),
    legal: new LegalAuditService({ metastore, subjects, audit, views }),
    photos: new PhotoService({
      metastore,
      subjects,
      journal,
      audit,
      store: PhotoStore.forDataDir(config.dataDir),
    }),
    retention: new RetentionSweep({ metastore, dataDir: config.dataDir }),
    limits: { maxUploadBytes: config.limits.maxUploadBytes },
  };
}

async function bootstrapState(
  config: Config,
  services: Services,
  clock: Clock,
): Promise<BootstrapReport> {
  const ctx = systemContext(clock);
  await services.buckets.ensureDefaults(ctx);
  await services.jobs.recoverInterrupted();
  // Imports interrupted with their jobs leave staged table copies: no job owns them now.
  await rm(path.join(config.dataDir, 'staging', 'imports'), { recursive: true, force: true });
  await services.compaction.resumeErasures(ctx);
  const keys = await services.keys.bootstrap(ctx, config.adminKey);
  return {
    ...(keys?.generatedKey !== undefined && { generatedAdminKey: keys.generatedKey }),
    configuredAdminKeyInstalled: keys !== null && keys.generatedKey === undefined,
    fresh: keys !== null,
  };
}

/** Per-key request budget: the most generous limit among the caller's roles. */
function keyRateLimit(config: Config): (principal: Principal) => void {
  const limiter = new RateLimiter({});
  return (principal) => {
    const policy = policyForRoles(
      principal.roles,
      config.rateLimits.perRole,
      config.rateLimits.fallback,
    );
    throwIfLimited(limiter.take(principal.keyId ?? principal.id, policy));
  };
}
