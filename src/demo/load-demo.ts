import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { uuidv7, type RequestContext } from '../core/index.js';
import { describeLocalFile, type IngestService } from '../ingest/index.js';
import type { CatalogService } from '../catalog/index.js';
import { generateDemo } from './generate-demo.js';
import type { DemoScale, DemoTable } from './sizes.js';

/** Tables whose rows are about one candidate (a data subject), and the column naming them. */
const SUBJECT_KEYS: Partial<Record<DemoTable, string>> = {
  candidates: 'candidate_id',
  placements: 'candidate_id',
  timesheets: 'candidate_id',
};

const TABLE_INFO: Record<DemoTable, { key: string; description: string }> = {
  recruiters: { key: 'recruiter_id', description: 'Recruiters of the demo staffing company' },
  clients: { key: 'client_id', description: 'Client companies that order workers' },
  candidates: {
    key: 'candidate_id',
    description: 'Candidates and workers, with contact data and resume text',
  },
  jobs: { key: 'job_id', description: 'Job orders from clients' },
  placements: {
    key: 'placement_id',
    description: 'Candidates placed on jobs, with bill and pay rates',
  },
  timesheets: { key: 'timesheet_id', description: 'Weekly hours per placement' },
};

export interface LoadDemoOptions {
  readonly scale: DemoScale;
  readonly workDir: string;
  readonly onTable?: (table: string, rows: number) => void;
}

/**
 * Generates the demo staffing company and ingests it through the ingest service, like any
 * other data: journaled, with lineage and PII classification.
 */
export async function loadDemo(
  services: { ingest: IngestService; catalog: CatalogService },
  ctx: RequestContext,
  options: LoadDemoOptions,
): Promise<void> {
  const dir = path.join(options.workDir, `demo-${uuidv7()}`);
  await mkdir(dir, { recursive: true });
  try {
    const files = await generateDemo({ scale: options.scale, outDir: dir });
    for (const file of files) {
      const table = file.table as DemoTable;
      const upload = await describeLocalFile(file.path, `${table}.csv`);
      const outcome = await services.ingest.ingestStaged(ctx, upload, {
        dataset: table,
        mode: 'create',
        rowKey: TABLE_INFO[table].key,
        sourceSystem: 'demo',
        description: TABLE_INFO[table].description,
        async: false,
      });
      await services.catalog.patchMetadata(ctx, table, {
        tags: ['demo'],
        owner: 'demo',
        ...(SUBJECT_KEYS[table] !== undefined && { subjectKeyColumn: SUBJECT_KEYS[table] }),
      });
      options.onTable?.(table, outcome.result?.rowsWritten ?? 0);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
