import type { Command } from 'commander';
import { describeVerification, verifyChains } from '../../compliance/audit-cli/index.js';
import { AppError } from '../../core/index.js';
import { printJson } from '../output.js';
import { withLakehouse } from '../runtime.js';

interface VerifyOptions {
  subject?: string;
  all?: boolean;
  json?: boolean;
  dataDir?: string;
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('Check the subject audit chains');

  audit
    .command('verify')
    .description('Verify audit chains; exit code 1 when any is broken, naming its first bad row')
    .option('--subject <id>', 'verify one subject')
    .option('--all', 'verify every subject that has a chain')
    .option('--json', 'print JSON')
    .option('--data-dir <dir>', 'data directory')
    .action(async (options: VerifyOptions) => {
      if ((options.subject === undefined) === (options.all !== true))
        throw new AppError('bad_request', 'give either --subject <id> or --all');
      await withLakehouse(async ({ lakehouse }) => {
        const summary = await verifyChains(lakehouse.services.audit, lakehouse.metastore, {
          ...(options.subject !== undefined && { subjectId: options.subject }),
          ...(!options.json && { onResult: (r) => console.log(describeVerification(r)) }),
        });
        if (options.json)
          printJson({
            subjects: summary.subjects,
            intact: summary.intact,
            broken: summary.broken.map((b) => ({
              subject_id: b.subjectId,
              rows_intact: b.rows,
              ...(!b.ok && { fault: b.fault }),
            })),
          });
        else
          console.log(
            `${summary.subjects} chains verified: ${summary.intact} intact, ${summary.broken.length} broken`,
          );
        if (summary.broken.length > 0) process.exitCode = 1;
      }, options.dataDir);
    });
}
