import type { Command } from 'commander';
import type { GrantObjectType, MaskKind, Privilege } from '../../access/index.js';
import { AppError } from '../../core/index.js';
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
    .command('unmask')
    .description("Remove a role's mask on a column")
    .requiredOption('--role <role>')
    .requiredOption('--dataset <name>')
    .requiredOption('--column <name>')
    .option('--data-dir <dir>')
    .action(async (o: { role: string; dataset: string; column: string; dataDir?: string }) =>
      withLakehouse(async ({ lakehouse, ctx }) => {
        await lakehouse.services.access.removeMask(ctx, o.role, o.dataset, o.column);
        console.log(`unmasked ${o.dataset}.${o.column} for ${o.role}`);
      }, o.dataDir),
    );

  access
    .command('unfilter')
    .description("Remove a role's row filter on a dataset")
    .requiredOption('--role <role>')
    .requiredOption('--dataset <name>')
    .option('--data-dir <dir>')
    .action(async (o: { role: string; dataset: string; dataDir?: string }) =>
      withLakehouse(async ({ lakehouse, ctx }) => {
        await lakehouse.services.access.removeRowFilter(ctx, o.role, o.dataset);
        console.log(`removed the row filter on ${o.dataset} for ${o.role}`);
      }, o.dataDir),
    );

  access
    .command('principals')
    .description('List principals')
    .option('--data-dir <dir>')
    .action(async (o: { dataDir?: string }) =>
      withLakehouse(async ({ lakehouse, ctx }) => {
        const principals = await lakehouse.services.principals.list(ctx);
        printTable(
          principals.map((p) => ({ ...p, roles: p.roles.join(',') })),
          ['id', 'name', 'kind', 'roles', 'disabledAt'],
        );
      }, o.dataDir),
    );

  access
    .command('principal-create')
    .description(
      'Create a principal (then issue keys with `lakehouse keys create --principal <id>`)',
    )
    .requiredOption('--name <name>')
    .requiredOption('--kind <kind>', 'user, agent or service')
    .requiredOption('--roles <roles>', 'comma-separated')
    .option('--data-dir <dir>')
    .action(
      async (o: {
        name: string;
        kind: 'user' | 'agent' | 'service';
        roles: string;
        dataDir?: string;
      }) =>
        withLakehouse(async ({ lakehouse, ctx }) => {
          const created = await lakehouse.services.principals.create(ctx, {
            name: o.name,
            kind: o.kind,
            roles: o.roles.split(',').map((r) => r.trim()),
          });
          console.log(`created principal ${created.id} (${created.roles.join(', ')})`);
        }, o.dataDir),
    );

  access
    .command('rules')
    .description('List policy rules')
    .option('--data-dir <dir>')
    .action(async (o: { dataDir?: string }) =>
      withLakehouse(async ({ lakehouse, ctx }) => {
        const rules = await lakehouse.services.rules.list(ctx);
        printTable(
          rules.map((r) => ({ ...r, condition: JSON.stringify(r.condition) })),
          ['id', 'name', 'taskClass', 'priority', 'action', 'enabled', 'condition'],
        );
      }, o.dataDir),
    );

  access
    .command('rule-add <json>')
    .description(
      'Add a policy rule given as JSON: {"name","task_class","condition","action","message"}',
    )
    .option('--data-dir <dir>')
    .action(async (json: string, o: { dataDir?: string }) =>
      withLakehouse(async ({ lakehouse, ctx }) => {
        let input: unknown;
        try {
          input = JSON.parse(json);
        } catch (error) {
          throw new AppError(
            'invalid_rule',
            `the rule is not valid JSON: ${(error as Error).message}`,
          );
        }
        const rule = await lakehouse.services.rules.create(ctx, input);
        console.log(`created rule ${rule.id} (${rule.action})`);
      }, o.dataDir),
    );

  access
    .command('rule-remove <id>')
    .description('Delete a policy rule')
    .option('--data-dir <dir>')
    .action(async (id: string, o: { dataDir?: string }) =>
      withLakehouse(async ({ lakehouse, ctx }) => {
        await lakehouse.services.rules.remove(ctx, id);
        console.log(`deleted rule ${id}`);
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
