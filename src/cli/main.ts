import { Command, CommanderError } from 'commander';
import { AppError } from '../core/index.js';
import { VERSION } from '../version.js';
import { registerAccess } from './commands/access.js';
import { registerAudit } from './commands/audit.js';
import { registerDemo } from './commands/demo.js';
import { registerIngest } from './commands/ingest.js';
import { registerKeys } from './commands/keys.js';
import { registerQuery } from './commands/query.js';
import { registerRetentionSweep } from './commands/retention-sweep.js';
import { registerServe } from './commands/serve.js';
import { describeStartupError } from './runtime.js';

/** The `lakehouse` command. Returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('lakehouse')
    .description('Governed data lakehouse for sensitive people data')
    .version(VERSION)
    .exitOverride();
  registerServe(program);
  registerKeys(program);
  registerIngest(program);
  registerDemo(program);
  registerQuery(program);
  registerAccess(program);
  registerAudit(program);
  registerRetentionSweep(program);
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof AppError) {
      console.error(`error (${error.code}): ${error.message}`);
      return 2;
    }
    console.error(describeStartupError(error));
    return 1;
  }
}
