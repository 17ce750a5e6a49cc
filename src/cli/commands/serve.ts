import type { Command } from 'commander';
import { Lakehouse } from '../../app.js';
import { loadCliConfig } from '../runtime.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run the server (HTTP API and docs) on the configured data directory')
    .option('--port <port>', 'listen port (overrides LAKEHOUSE_PORT)')
    .option('--host <host>', 'listen address (overrides LAKEHOUSE_HOST)')
    .option('--data-dir <dir>', 'data directory (overrides LAKEHOUSE_DATA_DIR)')
    .action(async (options: { port?: string; host?: string; dataDir?: string }) => {
      const config = loadCliConfig({
        ...(options.port !== undefined && { port: options.port }),
        ...(options.host !== undefined && { host: options.host }),
        ...(options.dataDir !== undefined && { dataDir: options.dataDir }),
      });
      const lakehouse = await Lakehouse.create(config);
      await loadDemo(lakehouse);
      const url = await lakehouse.listen();
      printBanner(lakehouse, displayUrl(url, config.host, config.port));
      await waitForShutdown(lakehouse, config.shutdownTimeoutMs);
    });
}

async function loadDemo(lakehouse: Lakehouse): Promise<void> {
  const started = Date.now();
  const loaded = await lakehouse.loadDemoIfFresh((table, rows) =>
    process.stdout.write(`  demo: ${table} (${rows.toLocaleString('en-US')} rows)\n`),
  );
  if (loaded)
    process.stdout.write(
      `Demo staffing dataset loaded in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
}

function printBanner(lakehouse: Lakehouse, url: string): void {
  const { generatedAdminKey, configuredAdminKeyInstalled } = lakehouse.bootstrap;
  const keyLine =
    generatedAdminKey !== undefined
      ? `${generatedAdminKey}   (generated now and shown only once: store it)`
      : configuredAdminKeyInstalled
        ? 'the value of LAKEHOUSE_ADMIN_KEY'
        : 'issued at first start (create more with `lakehouse keys create`)';
  const lines = [
    '',
    `Lakehouse is running: ${url}`,
    `  Open:      ${url}/docs`,
    `  Admin key: ${keyLine}`,
    `  Data dir:  ${lakehouse.config.dataDir}`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

function displayUrl(listening: string, host: string, port: number): string {
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  const actualPort = new URL(listening).port || String(port);
  return `http://${shownHost}:${actualPort}`;
}

/** SIGTERM/SIGINT: stop accepting, let in-flight requests finish, close the metastore. */
function waitForShutdown(lakehouse: Lakehouse, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        lakehouse.logger.warn({ signal }, 'second signal: exiting now');
        process.exit(1);
      }
      stopping = true;
      lakehouse.logger.info({ signal }, 'shutting down: finishing in-flight requests');
      const timer = setTimeout(() => {
        lakehouse.logger.error({ timeoutMs }, 'shutdown timed out: exiting');
        process.exit(1);
      }, timeoutMs);
      timer.unref();
      lakehouse
        .stop()
        .then(() => {
          lakehouse.logger.info('stopped cleanly');
          resolve();
        })
        .catch((error: unknown) => {
          lakehouse.logger.error({ err: error }, 'error while stopping');
          process.exitCode = 1;
          resolve();
        });
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
