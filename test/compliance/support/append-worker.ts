/**
 * A second process appending to one subject's chain: `node --import tsx append-worker.ts
 * <metastore-url> <subject-id> <count> <label>`, key in AUDIT_TEST_KEY (hex). Prints `ready`
 * once the metastore is open, starts its appends all at once on a `go` line on stdin, and
 * prints the seqs it was given as JSON.
 */
import { once } from 'node:events';
import { AuditChainService, parseAuditKey } from '../../../src/compliance/audit/index.js';
import { Metastore } from '../../../src/metastore/index.js';
import { entry } from './audit-fixtures.js';

const [url, subjectId, count, label] = process.argv.slice(2) as [string, string, string, string];
const metastore = await Metastore.open(url);
const audit = new AuditChainService(metastore, {
  key: parseAuditKey(process.env['AUDIT_TEST_KEY'] ?? '', 'AUDIT_TEST_KEY'),
});
try {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  const records = await Promise.all(
    Array.from({ length: Number(count) }, (_, i) =>
      audit.append(
        subjectId,
        entry({ accessor: { ...entry().accessor, traceId: `${label}-${i}` } }),
      ),
    ),
  );
  process.stdout.write(`${JSON.stringify(records.map((r) => r.seq))}\n`);
} finally {
  await metastore.close();
  process.stdin.destroy();
}
