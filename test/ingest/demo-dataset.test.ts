import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

interface Column {
  name: string;
  type: string;
  is_pii: boolean;
  pii_category: string | null;
}
interface DatasetJson {
  name: string;
  row_count: number;
  row_key_column: string;
  tags: string[];
  columns: Column[];
  lineage: { source_system: string; source: string; checksum: string; job_id: string };
}

let app: TestApp;
let datasets: DatasetJson[];

beforeAll(async () => {
  app = await startTestApp({ env: { LAKEHOUSE_DEMO: 'on' } });
  expect(await app.lakehouse.loadDemoIfFresh()).toBe(true);
  datasets = (await app.request({ method: 'GET', url: '/catalog/datasets' })).json().datasets;
}, 120_000);
afterAll(async () => app.close());

const byName = (name: string) => datasets.find((d) => d.name === name)!;
const column = (dataset: string, name: string) =>
  byName(dataset).columns.find((c) => c.name === name)!;

describe('the small demo dataset', () => {
  it('has the six staffing tables with row keys, about 50K rows in all', () => {
    expect(datasets.map((d) => d.name).sort()).toEqual([
      'candidates',
      'clients',
      'jobs',
      'placements',
      'recruiters',
      'timesheets',
    ]);
    const total = datasets.reduce((sum, d) => sum + d.row_count, 0);
    expect(total).toBeGreaterThan(45_000);
    expect(total).toBeLessThan(60_000);
    expect(byName('candidates').row_key_column).toBe('candidate_id');
    expect(byName('candidates').tags).toEqual(['demo']);
  });

  it('records lineage and one ingest event per table', async () => {
    for (const dataset of datasets) {
      expect(dataset.lineage).toMatchObject({
        source_system: 'demo',
        source: `${dataset.name}.csv`,
      });
      expect(dataset.lineage.checksum).toMatch(/^[0-9a-f]{64}$/);
      const events = (
        await app.request({ method: 'GET', url: `/journal/history/${dataset.name}` })
      ).json().events;
      expect(events.filter((e: { action: string }) => e.action === 'ingest_create')).toHaveLength(
        1,
      );
      expect(events[0].actor).toBe('system');
    }
  });

  it('flags contact and identity columns as PII', () => {
    for (const name of [
      'email',
      'phone',
      'ssn_last4',
      'first_name',
      'last_name',
      'street_address',
      'date_of_birth',
    ]) {
      expect(column('candidates', name).is_pii, name).toBe(true);
    }
    expect(column('candidates', 'email').pii_category).toBe('PII');
    expect(column('candidates', 'hourly_rate').pii_category).toBe('Financial');
  });

  it('does not flag skills, vertical, state and other plain attributes', () => {
    for (const name of [
      'skills',
      'vertical',
      'state',
      'city',
      'status',
      'candidate_id',
      'years_experience',
    ]) {
      expect(column('candidates', name).is_pii, name).toBe(false);
    }
  });

  it('keeps ids and dates typed', () => {
    expect(column('candidates', 'date_of_birth').type).toBe('DATE');
    expect(column('placements', 'start_date').type).toBe('DATE');
    expect(column('candidates', 'years_experience').type).toBe('BIGINT');
  });
});
