import type { LightMyRequestResponse } from 'fastify';
import { Lakehouse } from '../../src/app.js';
import { createLogger, loadConfig, type Clock, type Config } from '../../src/core/index.js';
import { tempDir } from './temp.js';

export const TEST_ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export interface TestApp {
  readonly lakehouse: Lakehouse;
  readonly config: Config;
  readonly dataDir: string;
  readonly adminKey: string;
  request(options: RequestOptions): Promise<LightMyRequestResponse>;
  /** Stops the app; the data directory stays for a restart. */
  stop(): Promise<void>;
  /** Stops the app and removes the data directory. */
  close(): Promise<void>;
}

export interface RequestOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  url: string;
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestAppOptions {
  dataDir?: string;
  metastoreUrl?: string;
  clock?: Clock;
  env?: Record<string, string>;
}

/** A real app on a fresh temp data dir (SQLite unless a metastore URL is given), driven by inject. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const temp = options.dataDir ? null : tempDir('app');
  const dataDir = options.dataDir ?? temp!.dir;
  const config = loadConfig(
    {
      LAKEHOUSE_DATA_DIR: dataDir,
      LAKEHOUSE_ADMIN_KEY: TEST_ADMIN_KEY,
      LAKEHOUSE_DEMO: 'off',
      LAKEHOUSE_LOG_LEVEL: 'silent',
      ...(options.metastoreUrl && { LAKEHOUSE_METASTORE_URL: options.metastoreUrl }),
      ...options.env,
    },
    {},
  );
  const lakehouse = await Lakehouse.create(config, {
    logger: createLogger('silent'),
    ...(options.clock && { clock: options.clock }),
  });
  const stop = () => lakehouse.stop();
  return {
    lakehouse,
    config,
    dataDir,
    adminKey: TEST_ADMIN_KEY,
    request: (req) => inject(lakehouse, req),
    stop,
    close: async () => {
      await stop();
      temp?.remove();
    },
  };
}

function inject(lakehouse: Lakehouse, req: RequestOptions): Promise<LightMyRequestResponse> {
  const key = req.key === undefined ? TEST_ADMIN_KEY : req.key;
  const headers: Record<string, string> = { ...req.headers };
  if (key !== null) headers['authorization'] = `Bearer ${key}`;
  const isRaw = typeof req.body === 'string' || Buffer.isBuffer(req.body);
  return lakehouse.http.inject({
    method: req.method,
    url: req.url,
    headers,
    ...(req.body !== undefined &&
      (isRaw ? { payload: req.body as string | Buffer } : { payload: req.body as object })),
  });
}
