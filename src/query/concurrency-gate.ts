import { AppError } from '../core/index.js';

/**
 * At most `limit` queries run at once; the rest wait in line up to `maxWaitMs`, then are
 * turned away with 503 and a Retry-After hint rather than piling up without bound.
 */
export class ConcurrencyGate {
  readonly #limit: number;
  readonly #maxWaitMs: number;
  readonly #maxQueue: number;
  readonly #waiting: Array<{ grant: () => void }> = [];
  #running = 0;

  constructor(limit: number, maxWaitMs: number, maxQueue = limit * 16) {
    this.#limit = limit;
    this.#maxWaitMs = maxWaitMs;
    this.#maxQueue = maxQueue;
  }

  get running(): number {
    return this.#running;
  }

  /** Waits for a slot and returns its release (for work that outlives one call, like a stream). */
  async acquire(): Promise<() => void> {
    await this.#enter();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#leave();
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.#enter();
    try {
      return await work();
    } finally {
      this.#leave();
    }
  }

  #enter(): Promise<void> {
    if (this.#running < this.#limit) {
      this.#running += 1;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.#maxQueue) return Promise.reject(busy(this.#maxWaitMs));
    return new Promise((resolve, reject) => {
      const entry = { grant: () => resolve() };
      const timer = setTimeout(() => {
        const index = this.#waiting.indexOf(entry);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(busy(this.#maxWaitMs));
      }, this.#maxWaitMs);
      entry.grant = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#waiting.push(entry);
    });
  }

  #leave(): void {
    const next = this.#waiting.shift();
    if (next) next.grant();
    else this.#running -= 1;
  }
}

function busy(waitedMs: number): AppError {
  return new AppError('too_busy', 'too many queries are running; retry shortly', {
    details: { retry_after_s: Math.max(1, Math.ceil(waitedMs / 1000)) },
  });
}
