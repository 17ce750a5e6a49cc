import type { RequestContext } from '../core/index.js';

export type DatasetPrivilege = 'read' | 'write' | 'admin';

/**
 * The access decisions the catalog needs, supplied by the access module (which itself looks up
 * datasets in the catalog: this interface keeps the two from importing each other).
 */
export interface DatasetGate {
  canRead(ctx: RequestContext, dataset: string): Promise<boolean>;
  /** Throws 403 naming the action and the missing privilege. */
  require(
    ctx: RequestContext,
    dataset: string,
    privilege: DatasetPrivilege,
    action: string,
  ): Promise<void>;
}
