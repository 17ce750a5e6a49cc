import { NotFoundError, requireAdmin, uuidv7, type RequestContext } from '../core/index.js';
import type { JournalService } from '../journal/index.js';
import {
  bumpCatalogVersion,
  parseJson,
  selectCatalogVersion,
  type Metastore,
} from '../metastore/index.js';
import {
  enforce,
  evaluatePolicy,
  validateRule,
  type Condition,
  type PolicyDecision,
  type PolicyRule,
  type RuleAction,
} from './policy/index.js';

/**
 * Policy rules: managed by admins (journaled), evaluated for a task class against a context.
 * The rule set is cached per catalog version, which every rule change moves.
 */
export class RulesService {
  readonly #metastore: Metastore;
  readonly #journal: JournalService;
  #cached: { version: number; rules: Promise<PolicyRule[]> } | undefined;

  constructor(metastore: Metastore, journal: JournalService) {
    this.#metastore = metastore;
    this.#journal = journal;
  }

  /** Evaluates the rules of a task class and throws 403 for reject/block; returns the decision. */
  async check(taskClass: string, context: unknown): Promise<PolicyDecision> {
    const decision = evaluatePolicy(await this.#rules(), taskClass, context);
    enforce(decision);
    return decision;
  }

  async list(ctx: RequestContext): Promise<PolicyRule[]> {
    requireAdmin(ctx, 'reading policy rules');
    return this.#load();
  }

  async create(ctx: RequestContext, input: unknown): Promise<PolicyRule> {
    requireAdmin(ctx, 'creating policy rules');
    const rule: PolicyRule = { id: uuidv7(), ...validateRule(input) };
    const at = ctx.clock.now().toISOString();
    await this.#metastore.transaction(async (tx) => {
      await tx
        .insertInto('policy_rules')
        .values({ ...toRow(rule), created_at: at, created_by: ctx.principal.id, updated_at: at })
        .execute();
      await this.#journal.record(tx, ctx, {
        entityType: 'policy_rule',
        entityId: rule.id,
        action: 'create',
        newValue: rule,
      });
      await bump(tx);
    });
    return rule;
  }

  async replace(ctx: RequestContext, id: string, input: unknown): Promise<PolicyRule> {
    requireAdmin(ctx, 'changing policy rules');
    const rule: PolicyRule = { id, ...validateRule(input) };
    await this.#metastore.transaction(async (tx) => {
      const old = await tx
        .selectFrom('policy_rules')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!old) throw new NotFoundError('not_found', `no policy rule ${id}`);
      await tx
        .updateTable('policy_rules')
        .set({ ...toRow(rule), updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', id)
        .execute();
      await this.#journal.record(tx, ctx, {
        entityType: 'policy_rule',
        entityId: id,
        action: 'update',
        oldValue: fromRow(old),
        newValue: rule,
      });
      await bump(tx);
    });
    return rule;
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    requireAdmin(ctx, 'deleting policy rules');
    await this.#metastore.transaction(async (tx) => {
      const old = await tx
        .selectFrom('policy_rules')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!old) throw new NotFoundError('not_found', `no policy rule ${id}`);
      await tx.deleteFrom('policy_rules').where('id', '=', id).execute();
      await this.#journal.record(tx, ctx, {
        entityType: 'policy_rule',
        entityId: id,
        action: 'delete',
        oldValue: fromRow(old),
      });
      await bump(tx);
    });
  }

  async #rules(): Promise<PolicyRule[]> {
    const version = await selectCatalogVersion(this.#metastore.db);
    if (this.#cached?.version !== version) this.#cached = { version, rules: this.#load() };
    return this.#cached.rules;
  }

  async #load(): Promise<PolicyRule[]> {
    return (
      await this.#metastore.db
        .selectFrom('policy_rules')
        .selectAll()
        .orderBy('priority')
        .orderBy('id')
        .execute()
    ).map(fromRow);
  }
}

/** Rule changes move the catalog version, so every process reloads its cached rule set. */
const bump = bumpCatalogVersion;

function toRow(rule: PolicyRule) {
  return {
    id: rule.id,
    name: rule.name,
    task_class: rule.taskClass,
    priority: rule.priority,
    condition: JSON.stringify(rule.condition),
    action: rule.action,
    message: rule.message,
    enabled: rule.enabled ? 1 : 0,
  };
}

function fromRow(row: {
  id: string;
  name: string;
  task_class: string;
  priority: number;
  condition: string;
  action: string;
  message: string;
  enabled: number;
}): PolicyRule {
  return {
    id: row.id,
    name: row.name,
    taskClass: row.task_class,
    priority: Number(row.priority),
    condition: parseJson<Condition>(row.condition)!,
    action: row.action as RuleAction,
    message: row.message,
    enabled: Number(row.enabled) === 1,
  };
}
