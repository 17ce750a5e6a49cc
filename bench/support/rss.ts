import { readFileSync, writeFileSync } from 'node:fs';

/** Polling often enough to catch short spikes, rarely enough not to perturb the work measured. */
const SAMPLE_INTERVAL_MS = 50;

export interface RssFigures {
  /** RSS when the phase began. */
  readonly startBytes: number;
  /** Highest RSS seen by polling `process.memoryUsage().rss`. */
  readonly sampledPeakBytes: number;
  /** VmHWM from /proc/self/status at the end; null where /proc is unavailable. */
  readonly hwmBytes: number | null;
  /** 'phase' when the high-water mark was reset at the start, else it covers the whole process. */
  readonly hwmScope: 'phase' | 'process' | 'unavailable';
  /** The best peak estimate: VmHWM if it covers only this phase, else the polled peak. */
  readonly peakBytes: number;
  /** peakBytes − startBytes: what this phase added on top of what the process already held. */
  readonly deltaBytes: number;
}

/**
 * Peak resident memory of this process over one phase. Polling alone misses spikes shorter than
 * the interval, so the kernel's own high-water mark (VmHWM) is read as well; writing "5" to
 * /proc/self/clear_refs resets it (Linux ≥ 4.0), which makes it a per-phase figure.
 */
export class RssSampler {
  readonly #startBytes: number;
  readonly #hwmScope: RssFigures['hwmScope'];
  readonly #timer: NodeJS.Timeout;
  #peak: number;

  private constructor() {
    this.#hwmScope = resetHighWaterMark();
    this.#startBytes = process.memoryUsage.rss();
    this.#peak = this.#startBytes;
    this.#timer = setInterval(() => this.#sample(), SAMPLE_INTERVAL_MS);
    this.#timer.unref(); // a forgotten sampler must not keep the process alive
  }

  static start(): RssSampler {
    return new RssSampler();
  }

  stop(): RssFigures {
    clearInterval(this.#timer);
    this.#sample();
    const hwmBytes = readHighWaterMark();
    const usable = this.#hwmScope === 'phase' && hwmBytes !== null;
    const peakBytes = usable ? Math.max(hwmBytes, this.#peak) : this.#peak;
    return {
      startBytes: this.#startBytes,
      sampledPeakBytes: this.#peak,
      hwmBytes,
      hwmScope: hwmBytes === null ? 'unavailable' : this.#hwmScope,
      peakBytes,
      deltaBytes: peakBytes - this.#startBytes,
    };
  }

  #sample(): void {
    this.#peak = Math.max(this.#peak, process.memoryUsage.rss());
  }
}

/** Runs `work` under a sampler; the figures are returned even when it throws (then rethrown). */
export async function withRss<T>(work: () => Promise<T>): Promise<{ value: T; rss: RssFigures }> {
  const sampler = RssSampler.start();
  try {
    const value = await work();
    return { value, rss: sampler.stop() };
  } catch (error) {
    sampler.stop();
    throw error;
  }
}

function resetHighWaterMark(): RssFigures['hwmScope'] {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return 'phase';
  } catch {
    return 'process';
  }
}

function readHighWaterMark(): number | null {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}
