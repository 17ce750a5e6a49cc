import type { Command } from 'commander';
import { AppError } from '../../core/index.js';
import { printJson, printTable } from '../output.js';
import { withLakehouse } from '../runtime.js';

type OutputFormat = 'table' | 'csv' | 'json' | 'ndjson';
const FORMATS: readonly OutputFormat[] = ['table', 'csv', 'json', 'ndjson'];

export function registerQuery(program: Command): void {
  program
    .command('query <sql>')
    .description('Run SQL over the local datasets (as the local operator) and print the result')
    .option('--format <format>', 'table, csv, json or ndjson', 'table')
    .option('--data-dir <dir>', 'data directory')
    .action(async (sql: string, options: { format: string; dataDir?: string }) => {
      const format = options.format as OutputFormat;
      if (!FORMATS.includes(format))
        throw new AppError('bad_request', `--format must be one of ${FORMATS.join(', ')}`);
      await withLakehouse(async ({ lakehouse, ctx }) => {
        if (format === 'csv' || format === 'ndjson') {
          for await (const chunk of await lakehouse.services.query.stream(ctx, { sql }, format))
            process.stdout.write(chunk);
          return;
        }
        const result = await lakehouse.services.query.sql(ctx, { sql });
        if (format === 'json') {
          return printJson({
            columns: result.columns,
            rows: result.rows,
            row_count: result.rowCount,
            truncated: result.truncated,
          });
        }
        const names = result.columns.map((c) => c.name);
        printTable(
          result.rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]]))),
          names,
        );
        const more = result.truncated ? ' (truncated; use --format csv for everything)' : '';
        console.log(`(${result.rowCount} rows, ${result.latencyMs.toFixed(1)} ms${more})`);
      }, options.dataDir);
    });
}
