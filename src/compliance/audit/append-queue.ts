import type { AuditAppend } from './audit-chain.js';
import type { AuditRecord } from './audit-row.js';

type Commit = (items: readonly AuditAppend[]) => Promise<AuditRecord[]>;

interface Waiting {
  readonly item: AuditAppend;
  resolve(record: AuditRecord): void;
  reject(error: unknown): void;
}

/** No more rows than this in one commit, so one transaction stays short. */
const MAX_BATCH = 500;

/**
 * Group commit without a timer: an append that finds its lane idle is committed at once;
 * appends arriving while that commit runs wait and go together in the lane's next commit.
 * One subject's appends under load then cost one transaction (and one fsync) per batch
 * rather than per row, and a lone append waits for nothing.
 */
export class AppendQueue {
  readonly #commit: Commit;
  readonly #laneOf: (subjectId: string) => string;
  readonly #lanes = new Map<string, Waiting[]>();

  /** `laneOf` names the lane of a subject: appends in different lanes never wait for each other. */
  constructor(commit: Commit, laneOf: (subjectId: string) => string) {
    this.#commit = commit;
    this.#laneOf = laneOf;
  }

  add(item: AuditAppend): Promise<AuditRecord> {
    return new Promise((resolve, reject) => {
      const lane = this.#laneOf(item.subjectId);
      const waiting = this.#lanes.get(lane);
      if (waiting) {
        waiting.push({ item, resolve, reject });
        return;
      }
      this.#lanes.set(lane, []);
      void this.#drain(lane, [{ item, resolve, reject }]);
    });
  }

  /** Commits `batch`, then whatever arrived meanwhile, until the lane is idle. */
  async #drain(lane: string, first: Waiting[]): Promise<void> {
    let batch = first;
    while (batch.length > 0) {
      await this.#commitBatch(batch);
      const waiting = this.#lanes.get(lane)!;
      batch = waiting.splice(0, MAX_BATCH);
    }
    this.#lanes.delete(lane);
  }

  async #commitBatch(batch: readonly Waiting[]): Promise<void> {
    try {
      const records = await this.#commit(batch.map((w) => w.item));
      batch.forEach((w, i) => w.resolve(records[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One bad item must not fail the appends it shared a commit with: each is retried
      // alone and gets its own outcome (and its own error).
      for (const w of batch)
        await this.#commit([w.item]).then(([record]) => w.resolve(record!), w.reject);
    }
  }
}
