import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchReport, RunConditions } from './benchmark.js';
import { machineSummary } from './machine.js';
import { renderMarkdown } from './table.js';

export interface WrittenReport {
  readonly json: string;
  readonly markdown: string;
}

/**
 * Writes `<out>/<name>-<date>.json` (every figure) and a Markdown twin (the printed tables,
 * ready to paste into docs/BENCHMARKS.md). The date carries the time of day so that several
 * runs on one day do not overwrite each other.
 */
export async function writeReport(
  report: BenchReport,
  conditions: RunConditions,
  outDir: string,
): Promise<WrittenReport> {
  await mkdir(outDir, { recursive: true });
  const stem = path.join(outDir, `${report.benchmark}-${fileDate(report.startedAt)}`);
  const json = `${stem}.json`;
  const markdown = `${stem}.md`;
  await writeFile(json, `${JSON.stringify({ ...report, conditions }, null, 2)}\n`);
  await writeFile(markdown, reportMarkdown(report, conditions));
  return { json, markdown };
}

function reportMarkdown(report: BenchReport, conditions: RunConditions): string {
  const load = (values: readonly number[]): string => values.map((v) => v.toFixed(2)).join(' ');
  const goals = report.goals.map((g) => `- ${g.met ? 'met' : 'NOT met'}: ${g.goal} (${g.detail})`);
  return [
    `# ${report.benchmark}, scale ${report.scale}, ${report.startedAt}`,
    '',
    machineSummary(report.machine),
    '',
    `${conditions.repeat} runs per figure (median); load average ${load(conditions.loadAverageBefore)} → ` +
      `${load(conditions.loadAverageAfter)}; the run took ${report.durationSeconds.toFixed(1)} s`,
    '',
    ...report.tables.flatMap((table) => [renderMarkdown(table), '']),
    ...goals,
    '',
  ].join('\n');
}

/** 2026-11-21T11:05:09.123Z → 2026-11-21T11-05-09 (no colons: portable file names). */
function fileDate(iso: string): string {
  return iso.slice(0, 19).replaceAll(':', '-');
}
