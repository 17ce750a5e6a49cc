/** Plain-text and Markdown tables: what a benchmark prints and what docs/BENCHMARKS.md quotes. */
import { formatRatio } from './format.js';

export interface TextColumn {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

export interface TextTable {
  readonly title: string;
  readonly columns: readonly TextColumn[];
  readonly rows: readonly (readonly string[])[];
  readonly notes?: readonly string[];
}

/** The three cells of a side-by-side comparison: raw, ours and the ratio ours ÷ raw. */
export interface Comparison {
  readonly raw: string;
  readonly ours: string;
  readonly ratio: string;
}

/**
 * Compares two throughputs (higher is better), so the ratio reads "ours achieves 0.82× raw".
 * Formatting is left to the caller, which knows the unit.
 */
export function compareThroughput(
  raw: number,
  ours: number,
  format: (value: number) => string,
): Comparison {
  return { raw: format(raw), ours: format(ours), ratio: formatRatio(ours / raw) };
}

export function renderText(table: TextTable): string {
  const widths = columnWidths(table);
  const line = (cells: readonly string[]): string =>
    cells.map((cell, i) => pad(cell, widths[i]!, table.columns[i]?.align)).join('  ');
  const header = line(table.columns.map((c) => c.header));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  const notes = (table.notes ?? []).map((note) => `  ${note}`);
  return [table.title, header, rule, ...table.rows.map(line), ...notes].join('\n');
}

export function renderMarkdown(table: TextTable): string {
  const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = table.columns.map((c) => (c.align === 'left' ? '---' : '---:'));
  const notes = (table.notes ?? []).map((note) => `- ${note}`);
  return [
    `**${table.title}**`,
    '',
    row(table.columns.map((c) => c.header)),
    row(rule),
    ...table.rows.map(row),
    ...(notes.length > 0 ? ['', ...notes] : []),
  ].join('\n');
}

function columnWidths(table: TextTable): number[] {
  return table.columns.map((column, i) =>
    Math.max(column.header.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
}

function pad(cell: string, width: number, align: TextColumn['align'] = 'right'): string {
  return align === 'left' ? cell.padEnd(width) : cell.padStart(width);
}
