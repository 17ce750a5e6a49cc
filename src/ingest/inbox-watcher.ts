import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  AppError,
  INBOX_PRINCIPAL,
  createContext,
  type Clock,
  type Logger,
} from '../core/index.js';
import type { CatalogService } from '../catalog/index.js';
import type { IngestService } from './ingest.service.js';
import { describeLocalFile } from './staged-upload.js';

export interface InboxWatcherOptions {
  readonly inboxDir: string;
  readonly ingest: IngestService;
  readonly catalog: CatalogService;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly intervalMs?: number;
  /** How many scans in a row a file must look unchanged before it is taken (still being written?). */
  readonly stableScans?: number;
}

export interface InboxOutcome {
  readonly file: string;
  readonly dataset: string;
  readonly ok: boolean;
  readonly error?: { code: string; message: string };
}

const DONE = '.done';
const FAILED = '.failed';

/**
 * Watches the inbox folder: `orders.csv` goes to dataset `orders`, `orders/part-1.csv` too
 * (the folder names the dataset). A new dataset is created, an existing one appended to.
 * Ingested files move to `.done/`, refused ones to `.failed/` with an `.error.json` beside.
 */
export class InboxWatcher {
  readonly #options: InboxWatcherOptions;
  readonly #seen = new Map<string, { signature: string; count: number }>();
  #timer: NodeJS.Timeout | undefined;
  #scanning: Promise<unknown> = Promise.resolve();

  constructor(options: InboxWatcherOptions) {
    this.#options = options;
  }

  async start(): Promise<void> {
    await mkdir(this.#options.inboxDir, { recursive: true });
    this.#timer = setInterval(() => {
      this.#scanning = this.#scanning
        .then(() => this.scanOnce())
        .catch((error: unknown) => {
          this.#options.logger.error({ err: error }, 'inbox scan failed');
        });
    }, this.#options.intervalMs ?? 2000);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    await this.#scanning;
  }

  async scanOnce(): Promise<InboxOutcome[]> {
    const outcomes: InboxOutcome[] = [];
    for (const file of await this.#candidates()) {
      if (!(await this.#isStable(file))) continue;
      outcomes.push(await this.#take(file));
    }
    return outcomes;
  }

  async #candidates(): Promise<string[]> {
    const inbox = this.#options.inboxDir;
    const found: string[] = [];
    for (const entry of await readdir(inbox, { withFileTypes: true }).catch(() => [])) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isFile()) found.push(entry.name);
      if (!entry.isDirectory()) continue;
      for (const inner of await readdir(path.join(inbox, entry.name), { withFileTypes: true })) {
        if (inner.isFile() && !inner.name.startsWith('.'))
          found.push(path.join(entry.name, inner.name));
      }
    }
    return found.sort();
  }

  async #isStable(file: string): Promise<boolean> {
    const info = await stat(path.join(this.#options.inboxDir, file)).catch(() => null);
    if (!info) return false;
    const signature = `${info.size}:${info.mtimeMs}`;
    const previous = this.#seen.get(file);
    const count = previous?.signature === signature ? previous.count + 1 : 1;
    this.#seen.set(file, { signature, count });
    return count >= (this.#options.stableScans ?? 2);
  }

  async #take(file: string): Promise<InboxOutcome> {
    this.#seen.delete(file);
    const dataset = datasetFor(file);
    const full = path.join(this.#options.inboxDir, file);
    const ctx = createContext(INBOX_PRINCIPAL, 'system', { clock: this.#options.clock });
    try {
      const exists = (await this.#options.catalog.find(dataset)) !== undefined;
      const upload = await describeLocalFile(full, path.basename(file));
      await this.#options.ingest.ingestStaged(ctx, upload, {
        dataset,
        mode: exists ? 'append' : 'create',
        sourceSystem: 'inbox',
        async: false,
      });
      await this.#moveTo(DONE, file);
      this.#options.logger.info({ file, dataset }, 'inbox file ingested');
      return { file, dataset, ok: true };
    } catch (error) {
      const described = describe(error);
      await this.#moveTo(FAILED, file, described);
      this.#options.logger.warn({ file, dataset, error: described }, 'inbox file refused');
      return { file, dataset, ok: false, error: described };
    }
  }

  async #moveTo(
    folder: string,
    file: string,
    error?: { code: string; message: string },
  ): Promise<void> {
    const stamp = this.#options.clock.now().toISOString().replace(/[:.]/g, '-');
    const dir = path.join(this.#options.inboxDir, folder);
    await mkdir(dir, { recursive: true });
    const target = path.join(dir, `${stamp}-${file.replaceAll(path.sep, '__')}`);
    await rename(path.join(this.#options.inboxDir, file), target);
    if (error) await writeFile(`${target}.error.json`, JSON.stringify(error, null, 2));
  }
}

/** `orders/part-1.csv` → `orders`; `Orders 2026.csv` → `orders_2026`. */
export function datasetFor(file: string): string {
  const first = file.split(path.sep)[0]!;
  const base = file.includes(path.sep) ? first : first.replace(/\.[^.]*$/, '');
  return base.toLowerCase().replace(/[^a-z0-9_]+/g, '_');
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  return { code: 'internal', message: (error as Error).message };
}
