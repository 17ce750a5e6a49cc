import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

/** 30,000 rows: past the 20,480 rows the fast path samples for types. */
function csv(lastRow: string, row: (i: number) => string): string {
  const lines = ['id,code,amount'];
  for (let i = 1; i < 30_000; i += 1) lines.push(row(i));
  lines.push(lastRow);
  return lines.join('\n') + '\n';
}

async function ingest(dataset: string, body: string) {
  const response = await app.request({
    method: 'POST',
    url: `/ingest/file?dataset=${dataset}&filename=${dataset}.csv`,
    body,
    headers: { 'content-type': 'text/csv' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().dataset.columns as { name: string; type: string }[];
}

async function value(sql: string): Promise<unknown> {
  return (await app.request({ method: 'POST', url: '/query/sql', body: { sql } })).json()
    .rows[0][0];
}

describe('typing beyond the sampled rows', () => {
  it('reads a column as text when a late value is not a number, losing nothing', async () => {
    const columns = await ingest(
      'late_text',
      csv('30000,N/A,1.25', (i) => `${i},${i},1.25`),
    );
    expect(columns.find((c) => c.name === 'code')!.type).toBe('VARCHAR');
    expect(await value('SELECT code FROM late_text WHERE id = 30000')).toBe('N/A');
    expect(await value('SELECT count(*) FROM late_text')).toBe('30000');
  });

  it('keeps decimals exact when a late value has more digits than the sample', async () => {
    const columns = await ingest(
      'late_scale',
      csv('30000,7,123456.789123', (i) => `${i},${i},${i % 100}.5`),
    );
    expect(columns.find((c) => c.name === 'amount')!.type).toBe('DECIMAL(18,6)');
    expect(await value('SELECT amount FROM late_scale WHERE id = 30000')).toBe('123456.789123');
    expect(await value('SELECT amount FROM late_scale WHERE id = 1')).toBe('1.500000');
  });

  it('keeps leading zeros as text even when they appear late', async () => {
    const columns = await ingest(
      'late_zero',
      csv('30000,7,007.5', (i) => `${i},${i},${i}.5`),
    );
    expect(columns.find((c) => c.name === 'amount')!.type).toBe('VARCHAR');
    expect(await value('SELECT amount FROM late_zero WHERE id = 30000')).toBe('007.5');
  });
});
