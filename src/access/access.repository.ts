import type { Executor } from '../metastore/index.js';
import type {
  ColumnMask,
  Grant,
  GrantObjectType,
  MaskKind,
  Privilege,
  Role,
  RowFilter,
} from './access-model.js';

export async function selectRoles(db: Executor): Promise<Role[]> {
  const rows = await db.selectFrom('roles').selectAll().orderBy('name').execute();
  return rows.map((r) => ({ name: r.name, description: r.description, builtIn: r.built_in === 1 }));
}

export async function selectGrants(db: Executor): Promise<Grant[]> {
  const rows = await db
    .selectFrom('grants')
    .selectAll()
    .orderBy('role')
    .orderBy('object_name')
    .execute();
  return rows.map((r) => ({
    role: r.role,
    objectType: r.object_type as GrantObjectType,
    objectName: r.object_name,
    privilege: r.privilege as Privilege,
  }));
}

export async function selectMasks(db: Executor): Promise<ColumnMask[]> {
  const rows = await db
    .selectFrom('column_masks')
    .selectAll()
    .orderBy('role')
    .orderBy('dataset')
    .execute();
  return rows.map((r) => ({
    role: r.role,
    dataset: r.dataset,
    column: r.column_name,
    kind: r.kind as MaskKind,
    keepPrefix: Number(r.keep_prefix),
    keepSuffix: Number(r.keep_suffix),
  }));
}

export async function selectRowFilters(db: Executor): Promise<RowFilter[]> {
  const rows = await db
    .selectFrom('row_filters')
    .selectAll()
    .orderBy('role')
    .orderBy('dataset')
    .execute();
  return rows.map((r) => ({ role: r.role, dataset: r.dataset, predicate: r.predicate }));
}

interface Stamp {
  readonly at: string;
  readonly by: string;
}

export async function insertRole(db: Executor, role: Role, stamp: Stamp): Promise<void> {
  await db
    .insertInto('roles')
    .values({
      name: role.name,
      description: role.description,
      built_in: 0,
      created_at: stamp.at,
      created_by: stamp.by,
    })
    .execute();
}

export async function deleteRole(db: Executor, name: string): Promise<void> {
  await db.deleteFrom('grants').where('role', '=', name).execute();
  await db.deleteFrom('column_masks').where('role', '=', name).execute();
  await db.deleteFrom('row_filters').where('role', '=', name).execute();
  await db.deleteFrom('roles').where('name', '=', name).execute();
}

export async function insertGrant(db: Executor, grant: Grant, stamp: Stamp): Promise<boolean> {
  const result = await db
    .insertInto('grants')
    .values({
      role: grant.role,
      object_type: grant.objectType,
      object_name: grant.objectName,
      privilege: grant.privilege,
      created_at: stamp.at,
      created_by: stamp.by,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteGrant(db: Executor, grant: Grant): Promise<boolean> {
  const result = await db
    .deleteFrom('grants')
    .where('role', '=', grant.role)
    .where('object_type', '=', grant.objectType)
    .where('object_name', '=', grant.objectName)
    .where('privilege', '=', grant.privilege)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function upsertMask(db: Executor, mask: ColumnMask, stamp: Stamp): Promise<void> {
  const values = {
    kind: mask.kind,
    keep_prefix: mask.keepPrefix,
    keep_suffix: mask.keepSuffix,
    created_at: stamp.at,
    created_by: stamp.by,
  };
  await db
    .insertInto('column_masks')
    .values({ role: mask.role, dataset: mask.dataset, column_name: mask.column, ...values })
    .onConflict((oc) => oc.columns(['role', 'dataset', 'column_name']).doUpdateSet(values))
    .execute();
}

export async function deleteMask(
  db: Executor,
  role: string,
  dataset: string,
  column: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('column_masks')
    .where('role', '=', role)
    .where('dataset', '=', dataset)
    .where('column_name', '=', column)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function upsertRowFilter(
  db: Executor,
  filter: RowFilter,
  stamp: Stamp,
): Promise<void> {
  const values = { predicate: filter.predicate, created_at: stamp.at, created_by: stamp.by };
  await db
    .insertInto('row_filters')
    .values({ role: filter.role, dataset: filter.dataset, ...values })
    .onConflict((oc) => oc.columns(['role', 'dataset']).doUpdateSet(values))
    .execute();
}

export async function deleteRowFilter(
  db: Executor,
  role: string,
  dataset: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('row_filters')
    .where('role', '=', role)
    .where('dataset', '=', dataset)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
