import { describe, expect, it } from 'vitest';
import type { ColumnSample } from '../../../src/catalog/pii/index.js';
import { detectPii } from '../../../src/catalog/pii/index.js';
import { column, cycle, times } from './fixtures.js';

const SHAPES: readonly ((index: number) => ColumnSample)[] = [
  (i) =>
    column(
      `email_${i}`,
      'VARCHAR',
      times(1000, (n) => `person${n}@example.com`),
    ),
  (i) =>
    column(
      `col_${i}`,
      'VARCHAR',
      times(1000, (n) => `(303) 555-${String(n).padStart(4, '0')}`),
    ),
  (i) => column(`notes_${i}`, 'VARCHAR', cycle(['Type 2 diabetes', 'no issues reported'], 1000)),
  (i) => column(`skills_${i}`, 'VARCHAR', cycle(['Python, SQL, AWS', 'ICU, Telemetry'], 1000)),
  (i) =>
    column(
      `id_${i}`,
      'VARCHAR',
      times(1000, (n) => `CAND-${String(n).padStart(6, '0')}`),
    ),
  (i) =>
    column(
      `amount_${i}`,
      'DECIMAL(10,2)',
      times(1000, (n) => n * 1.25),
    ),
  (i) => column(`addr_${i}`, 'VARCHAR', cycle(['1234 Maple St', '55 W. 3rd Avenue Apt 4'], 1000)),
  (i) => column(`city_${i}`, 'VARCHAR', cycle(['Denver', 'Boulder', 'Austin'], 1000)),
];

const WIDE_TABLE = times(50, (i) => SHAPES[i % SHAPES.length]!(i));

describe('performance', () => {
  it('classifies 50 columns × 1,000 samples in milliseconds', () => {
    detectPii(WIDE_TABLE); // warm up the JIT and regex compilation
    const runs = 5;
    const started = performance.now();
    for (let run = 0; run < runs; run += 1) detectPii(WIDE_TABLE);
    const perRun = (performance.now() - started) / runs;
    // Typically a few ms; the bound is loose so a busy CI machine does not flake.
    expect(perRun).toBeLessThan(100);
  });
});
