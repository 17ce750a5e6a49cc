/** The statement guard: the first of two walls around caller SQL (the sandboxed connection is the second). */
export { guardStatement } from './guard.js';
export type { GuardedStatement, GuardScope, SerializeSql, StatementKind } from './types.js';
export { QueryRefusedError, type RefusalReason } from './errors.js';
export {
  ALLOWED_TABLE_FUNCTIONS,
  DENIED_FUNCTIONS,
  deniedFunctionGroup,
  type DeniedFunctionGroup,
} from './deny-list.js';
export { NOT_A_QUERY_MESSAGE } from './parse.js';
export { validatePredicate } from './predicate.js';
