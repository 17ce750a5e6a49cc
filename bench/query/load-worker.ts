/**
 * Child-process entry point: an HTTP load generator in a process of its own, so the client's
 * work does not run on the server's event loop. Spawned by load.ts:
 *   node --import tsx bench/query/load-worker.ts   (HttpLoadSpec as JSON on stdin)
 * Prints one JSON line: LoadResult.
 */
import { text } from 'node:stream/consumers';
import { runHttpLoad, type HttpLoadSpec } from '../support/http-load.js';

const spec = JSON.parse(await text(process.stdin)) as HttpLoadSpec;
const result = await runHttpLoad(spec);
process.stdout.write(`${JSON.stringify(result)}\n`);
