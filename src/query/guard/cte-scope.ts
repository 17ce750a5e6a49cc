import { QueryRefusedError } from './errors.js';
import { asciiLower, isObject, stringField } from './json.js';
import type { Json, JsonObject } from './json.js';

/** CTE names visible at a node, ASCII-lowercased (DuckDB matches CTE names that way). */
export type CteNames = ReadonlySet<string>;

/** A subtree to check, with the CTE names visible in it. */
export interface Frame {
  readonly value: Json;
  readonly ctes: CteNames;
}

/**
 * The `cte_map` of a query node, as frames: each CTE body sees only the CTEs declared before it
 * (DuckDB 1.5.6: `WITH a AS (FROM b), b AS (…)` and `WITH x AS (FROM x)` resolve the inner name
 * in the catalog, not to the CTE), while the rest of the node sees them all.
 */
export function cteFrames(node: JsonObject, outer: CteNames): { frames: Frame[]; ctes: CteNames } {
  if (!('cte_map' in node)) return { frames: [], ctes: outer };
  const frames: Frame[] = [];
  let ctes = outer;
  for (const entry of cteEntries(node.cte_map)) {
    frames.push({ value: entry.value, ctes });
    ctes = new Set([...ctes, asciiLower(entry.key)]);
  }
  return { frames, ctes };
}

/**
 * A recursive CTE's own name is visible only in its recursive term (`right`): DuckDB 1.5.6 binds
 * the name in the anchor (`left`) in the catalog, so `WITH RECURSIVE secret AS (FROM secret
 * UNION ALL …)` reads a real table called secret.
 */
export function recursiveCteName(node: JsonObject): string | undefined {
  if (stringField(node, 'type') !== 'RECURSIVE_CTE_NODE') return undefined;
  const name = stringField(node, 'cte_name');
  if (name === undefined) throw unrecognisedCtes();
  return asciiLower(name);
}

function cteEntries(cteMap: Json | undefined): { key: string; value: Json }[] {
  const entries = isObject(cteMap) ? cteMap.map : undefined;
  if (!Array.isArray(entries)) throw unrecognisedCtes();
  return entries.map((entry: Json) => {
    const key = isObject(entry) ? stringField(entry, 'key') : undefined;
    if (!isObject(entry) || key === undefined || !('value' in entry)) throw unrecognisedCtes();
    return { key, value: entry.value ?? null };
  });
}

function unrecognisedCtes(): QueryRefusedError {
  return new QueryRefusedError(
    'unrecognised_parse_tree',
    'The statement was refused: its WITH clause has a shape the guard does not recognise',
  );
}
