import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metastore } from '../metastore/index.js';

/** Readiness checks: each is 'ok' or the reason it failed. */
export class Readiness {
  readonly #metastore: Metastore;
  readonly #dataDir: string;

  constructor(metastore: Metastore, dataDir: string) {
    this.#metastore = metastore;
    this.#dataDir = dataDir;
  }

  async check(): Promise<Record<string, string>> {
    const [metastore, storage] = await Promise.all([
      outcome(() => this.#metastore.ping()),
      outcome(() => this.#probeWrite()),
    ]);
    return { metastore, storage };
  }

  async #probeWrite(): Promise<void> {
    const dir = path.join(this.#dataDir, 'staging');
    await mkdir(dir, { recursive: true });
    const probe = path.join(dir, `.ready-${randomUUID()}`);
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
  }
}

async function outcome(check: () => Promise<void>): Promise<string> {
  try {
    await check();
    return 'ok';
  } catch (error) {
    return (error as Error).message;
  }
}
