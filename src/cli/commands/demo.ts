import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../core/index.js';
import { generateDemo, loadDemo, type DemoScale } from '../../demo/index.js';
import { withLakehouse } from '../runtime.js';

function scaleOf(value: string): DemoScale {
  if (value !== 'small' && value !== 'full')
    throw new AppError('bad_request', '--scale must be small or full');
  return value;
}

export function registerDemo(program: Command): void {
  const demo = program.command('demo').description('The demo staffing company');

  demo
    .command('generate')
    .description('Write the demo tables as CSV files')
    .option('--scale <scale>', 'small (~50K rows) or full (~2.4M rows)', 'small')
    .requiredOption('--out <dir>', 'output folder')
    .action(async (options: { scale: string; out: string }) => {
      const files = await generateDemo({
        scale: scaleOf(options.scale),
        outDir: path.resolve(options.out),
      });
      for (const file of files)
        console.log(`${file.table}: ${file.rows.toLocaleString('en-US')} rows → ${file.path}`);
    });

  demo
    .command('load')
    .description('Generate and ingest the demo datasets into the local data directory')
    .option('--scale <scale>', 'small or full', 'small')
    .option('--data-dir <dir>', 'data directory')
    .action(async (options: { scale: string; dataDir?: string }) => {
      await withLakehouse(async ({ lakehouse, ctx }) => {
        await loadDemo(lakehouse.services, ctx, {
          scale: scaleOf(options.scale),
          workDir: path.join(lakehouse.config.dataDir, 'staging'),
          onTable: (table, rows) => console.log(`${table}: ${rows.toLocaleString('en-US')} rows`),
        });
      }, options.dataDir);
    });
}
