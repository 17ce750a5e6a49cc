import type { Command } from 'commander';
import type { GrantObjectType, MaskKind, Privilege } from '../../access/index.js';
import { printTable } from '../output.js';
import { withLakehouse } from '../runtime.js';

interface GrantOptions {
  role: string;
  dataset?: string;
  view?: string;
  privilege: Privilege;
  dataDir?: string;
}

/** `lakehouse access …`: the same operations as /access/, on the local data directory. */
export function registerAccess(program: Command): void {
  const access = program.command('access').description('Roles, grants, masks, row filters');

  access
    .command('roles')
    .description('List roles')
    .option('--data-dir <dir>')
    .action(async (o: { dataDir?: string }) =>
      withLakehouse(async ({ lakehouse, ctx }) => {
        const roles = await lakehouse.services.access.roles(ctx);
        printTable(
          roles.map((r) => ({ name: r.name, built_in: r.builtIn, description: r.description })),
          ['name', 'built_in', 'description'],
        );
      }, o.dataDir),
    );

  access
    .command('grants')
    .description('List grants')
    .option('--data-dir <dir>')
    .action(async (o: { dataDir?: string }) =>
      withLakehouse(async ({ lakehouse, ctx }) => {
        printTable(
          [...(await lakehouse.services.access.grants(ctx))] as unknown as Record<
            string,
            unknown
          >[],
          ['role', 'privilege', 'objectType', 'objectName'],
        );
      }, o.dataDir),
    );

  for (const verb of ['grant', 'revoke'] as const) {
    access
      .command(verb)
      .description(`${verb === 'grant' ? 'Grant' : 'Revoke'} a privilege on a dataset or view`)
      .requiredOption('--role <role>')
      .option('--dataset <name>', 'dataset name or *')
      .option('--view <name>', 'view name or *')
      .requiredOption('--privilege <privilege>', 'read, write or admin')
      .option('--data-dir <dir>')
      .action(async (o: GrantOptions) =>
        withLakehouse(async ({ lakehouse, ctx }) => {
          const objectType: GrantObjectType = o.view !== undefined ? 'view' : 'dataset';
          const grant = {
            role: o.role,
            objectType,
            objectName: o.view ?? o.dataset ?? '*',
            privilege: o.privilege,
          };
          if (verb === 'grant') await lakehouse.services.access.grant(ctx, grant);
          else await lakehouse.services.access.revoke(ctx, grant);
          console.log(`${verb}: ${o.role} ${o.privilege} on ${objectType} ${grant.objectName}`);
        }, o.dataDir),
      );
  }

  access
    .command('mask')
    .description('Mask a column for a role')
    .requiredOption('--role <role>')
    .requiredOption('--dataset <name>')
    .requiredOption('--column <name>')
    .requiredOption('--kind <kind>', 'null, hash or mask')
    .option('--keep-prefix <n>', 'characters kept at the start (mask)', '0')
    .option('--keep-suffix <n>', 'characters kept at the end (mask)', '0')
    .option('--data-dir <dir>')
    .action(
      async (o: {
        role: string;
        dataset: string;
        column: string;
        kind: MaskKind;
        keepPrefix: string;
        keepSuffix: string;
        dataDir?: string;
      }) =>
        withLakehouse(async ({ lakehouse, ctx }) => {
          await lakehouse.services.access.setMask(ctx, {
            role: o.role,
            dataset: o.dataset,
            column: o.column,
            kind: o.kind,
            keepPrefix: Number(o.keepPrefix),
            keepSuffix: Number(o.keepSuffix),
          });
          console.log(`masked ${o.dataset}.${o.column} (${o.kind}) for ${o.role}`);
        }, o.dataDir),
    );

  access
    .command('filter')
    .description("Set a role's row filter on a dataset")
    .requiredOption('--role <role>')
    .requiredOption('--dataset <name>')
    .requiredOption('--predicate <sql>', 'e.g. "state = \'CO\'"')
    .option('--data-dir <dir>')
    .action(async (o: { role: string; dataset: string; predicate: string; dataDir?: string }) =>
      withLakehouse(async ({ lakehouse, ctx }) => {
        await lakehouse.services.access.setRowFilter(ctx, {
          role: o.role,
          dataset: o.dataset,
          predicate: o.predicate,
        });
        console.log(`row filter on ${o.dataset} for ${o.role}: ${o.predicate}`);
      }, o.dataDir),
    );
}
