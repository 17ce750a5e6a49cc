/**
 * A seeded pseudo-random source (mulberry32). Demo data must be byte-identical for a given
 * seed, so nothing in src/demo may use Math.random.
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /**
   * An independent stream per name, so growing one table never shifts the values of another.
   * The name is hashed (FNV-1a) and mixed with the seed.
   */
  static forStream(seed: number, streamName: string): SeededRandom {
    let hash = 0x811c9dc5;
    for (let i = 0; i < streamName.length; i += 1) {
      hash = Math.imul(hash ^ streamName.charCodeAt(i), 0x01000193);
    }
    return new SeededRandom(Math.imul(seed >>> 0, 0x9e3779b1) ^ hash);
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** An integer in [min, max] skewed towards min; higher skew means more weight near min. */
  skewedInt(min: number, max: number, skew: number): number {
    return min + Math.floor(this.next() ** skew * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** A copy of `items` in random order (Fisher–Yates). */
  shuffled<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }
}
