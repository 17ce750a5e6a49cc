import type { Command } from 'commander';
import { keyJson } from '../../http/routes/access.routes.js';
import type { PrincipalKind } from '../../core/index.js';
import { printJson, printTable } from '../output.js';
import { withLakehouse } from '../runtime.js';

interface CreateOptions {
  name: string;
  roles?: string;
  kind?: PrincipalKind;
  principal?: string;
  expiresIn?: string;
  expiresAt?: string;
  json?: boolean;
  dataDir?: string;
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('Manage API keys on the local data directory');

  keys
    .command('create')
    .description('Create an API key (printed once)')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--roles <roles>', 'comma-separated roles for a new principal (default analyst)')
    .option('--kind <kind>', 'user, agent or service (default user)')
    .option('--principal <id>', 'bind to an existing principal instead')
    .option('--expires-in <duration>', 'e.g. 30d, 12h')
    .option('--expires-at <time>', 'ISO-8601 expiry time')
    .option('--json', 'print JSON')
    .option('--data-dir <dir>', 'data directory')
    .action(async (options: CreateOptions) => {
      await withLakehouse(async ({ lakehouse, ctx }) => {
        const created = await lakehouse.services.keys.create(ctx, {
          name: options.name,
          ...(options.roles !== undefined && {
            roles: options.roles.split(',').map((r) => r.trim()),
          }),
          ...(options.kind !== undefined && { kind: options.kind }),
          ...(options.principal !== undefined && { principalId: options.principal }),
          ...(options.expiresIn !== undefined && { expiresIn: options.expiresIn }),
          ...(options.expiresAt !== undefined && { expiresAt: options.expiresAt }),
        });
        if (options.json) return printJson({ key: created.key, ...keyJson(created.record) });
        console.log(
          `Created key ${created.record.id} for ${created.record.principal.name} (${created.record.principal.roles.join(', ')})`,
        );
        console.log(`Key (shown once): ${created.key}`);
      }, options.dataDir);
    });

  keys
    .command('list')
    .description('List API keys')
    .option('--json', 'print JSON')
    .option('--data-dir <dir>', 'data directory')
    .action(async (options: { json?: boolean; dataDir?: string }) => {
      await withLakehouse(async ({ lakehouse, ctx }) => {
        const rows = (await lakehouse.services.keys.list(ctx)).map(keyJson);
        if (options.json) return printJson({ keys: rows });
        printTable(
          rows.map((r) => ({ ...r, principal: r.principal.name, roles: r.principal.roles })),
          ['id', 'name', 'hint', 'principal', 'roles', 'status', 'expires_at', 'last_used_at'],
        );
      }, options.dataDir);
    });

  keys
    .command('revoke <id>')
    .description('Revoke an API key')
    .option('--data-dir <dir>', 'data directory')
    .action(async (id: string, options: { dataDir?: string }) => {
      await withLakehouse(async ({ lakehouse, ctx }) => {
        const record = await lakehouse.services.keys.revoke(ctx, id);
        console.log(`Key ${record.id} is ${record.status}`);
      }, options.dataDir);
    });
}
