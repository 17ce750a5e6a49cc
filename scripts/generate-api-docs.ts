/**
 * Writes docs/API.md from the OpenAPI document the running app generates from its route
 * schemas, so the API reference cannot drift from the code. `--check` fails when stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderApiMarkdown } from '../test/support/api-docs.js';
import { startTestApp } from '../test/support/app.js';

const target = path.resolve(import.meta.dirname, '../docs/API.md');
const app = await startTestApp();
try {
  const spec = (await app.request({ method: 'GET', url: '/openapi.json', key: null })).json();
  const markdown = renderApiMarkdown(spec);
  if (process.argv.includes('--check')) {
    const current = readFileSync(target, 'utf8');
    if (current !== markdown) {
      console.error('docs/API.md is out of date: run `npm run docs:api`');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(target, markdown);
    console.log(`wrote ${target}`);
  }
} finally {
  await app.close();
}
