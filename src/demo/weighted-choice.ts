import type { SeededRandom } from './random.js';

/** Picks items in proportion to their weights; built once per list, used for every row. */
export class WeightedChoice<T> {
  readonly #items: readonly T[];
  readonly #cumulative: number[];
  readonly #total: number;

  constructor(items: readonly T[], weightOf: (item: T) => number) {
    let running = 0;
    this.#cumulative = items.map((item) => (running += weightOf(item)));
    this.#items = items;
    this.#total = running;
  }

  pick(random: SeededRandom): T {
    const target = random.next() * this.#total;
    const index = this.#cumulative.findIndex((bound) => target < bound);
    // Guards the float edge where target lands exactly on the total.
    return this.#items[index === -1 ? this.#items.length - 1 : index];
  }
}

/** Shorthand for a choice among labelled options, e.g. statuses with their share of rows. */
export function weightedLabels<T extends string>(weights: Record<T, number>): WeightedChoice<T> {
  const labels = Object.keys(weights) as T[];
  return new WeightedChoice(labels, (label) => weights[label]);
}
