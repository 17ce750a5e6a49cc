import type { GuardScope } from './types.js';

/** What the walk is checking against, and the namespace and system views it found read. */
export interface WalkContext {
  readonly scope: GuardScope;
  readonly tables: Set<string>;
  readonly systemTables: Set<string>;
}

export function walkContext(scope: GuardScope): WalkContext {
  return { scope, tables: new Set(), systemTables: new Set() };
}
