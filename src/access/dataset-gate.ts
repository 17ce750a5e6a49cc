import { ForbiddenError, type RequestContext } from '../core/index.js';
import type { DatasetGate, DatasetPrivilege } from '../catalog/index.js';
import type { AccessService } from './access.service.js';

/** Dataset access decisions from the current grants (admins hold every privilege). */
export function createDatasetGate(access: AccessService): DatasetGate {
  return {
    async canRead(ctx: RequestContext, dataset: string): Promise<boolean> {
      return (await access.policy()).allows(ctx.principal, 'dataset', dataset, 'read');
    },
    async require(
      ctx: RequestContext,
      dataset: string,
      privilege: DatasetPrivilege,
      action: string,
    ): Promise<void> {
      if ((await access.policy()).allows(ctx.principal, 'dataset', dataset, privilege)) return;
      throw new ForbiddenError(`${action} needs the ${privilege} privilege on dataset ${dataset}`, {
        missing_privilege: privilege,
        object: `dataset:${dataset}`,
        principal: ctx.principal.id,
      });
    },
  };
}
