import { inspect } from 'node:util';

/** What a secret looks like wherever it would otherwise be printed or serialised. */
export const REDACTED = '***';

/**
 * A credential held in memory. It prints, logs and serialises as `***`, so a config object
 * passed to a logger or `JSON.stringify` cannot leak it; only `reveal()` gives the value, and
 * only the driver adapters call it.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get isEmpty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}
