import type { Command } from 'commander';
import { RetentionSweep, retentionCaseJson } from '../../compliance/retention/index.js';
import { validTimestamp } from '../../compliance/subjects/index.js';
import { printJson, printTable } from '../output.js';
import { withLakehouse } from '../runtime.js';

interface SweepOptions {
  apply?: boolean;
  asOf?: string;
  json?: boolean;
  dataDir?: string;
}

export function registerRetentionSweep(program: Command): void {
  program
    .command('retention-sweep')
    .description(
      'List subjects past a retention clock (dry run); --apply writes the dated report. Changes nothing else',
    )
    .option('--apply', 'write reports/retention-sweep-<YYYY-MM-DD>.jsonl in the data directory')
    .option('--as-of <time>', 'judge the clocks at this ISO-8601 time (a future time forecasts)')
    .option('--json', 'print JSON')
    .option('--data-dir <dir>', 'data directory')
    .action(async (options: SweepOptions) => {
      const asOf =
        options.asOf === undefined ? undefined : new Date(validTimestamp(options.asOf, '--as-of'));
      await withLakehouse(async ({ lakehouse, ctx }) => {
        const sweep = new RetentionSweep({
          metastore: lakehouse.metastore,
          dataDir: lakehouse.config.dataDir,
        });
        const result = await sweep.run(ctx, {
          ...(asOf !== undefined && { asOf }),
          apply: options.apply === true,
        });
        const subjects = result.cases.map(retentionCaseJson);
        if (options.json)
          return printJson({
            as_of: result.asOf,
            date: result.date,
            applied: result.applied,
            report: result.report,
            counts: result.counts,
            subjects,
          });
        if (subjects.length > 0)
          printTable(subjects, [
            'subject_id',
            'status',
            'clocks_passed',
            'general_pii_until',
            'biometric_until',
            'has_photo',
          ]);
        const { counts } = result;
        console.log(
          `${counts.subjects} subjects past retention as of ${result.asOf} ` +
            `(general: ${counts.general}, biometric: ${counts.biometric})`,
        );
        console.log(
          result.report === null
            ? 'Dry run: nothing written (use --apply to write the report)'
            : `Report written: ${result.report}`,
        );
      }, options.dataDir);
    });
}
