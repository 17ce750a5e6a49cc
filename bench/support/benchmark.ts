/** The contract between the runner (`bench/run.ts`) and each `bench/<name>.bench.ts` module. */
import type { MachineInfo } from './machine.js';
import type { TextTable } from './table.js';

export type BenchScale = 'small' | 'full';

export interface BenchOptions {
  readonly scale: BenchScale;
  /** Keep the data a run generated (lakehouse data dir, raw outputs) instead of removing it. */
  readonly keep: boolean;
  /** Where reports, cached inputs and (with `keep`) work directories go. */
  readonly outDir: string;
  /** Runs per measurement; figures are medians, so one noisy run does not decide the result. */
  readonly repeat: number;
}

/** A target the benchmark states up front, and whether this run met it. */
export interface GoalResult {
  readonly goal: string;
  readonly met: boolean;
  readonly detail: string;
}

export interface BenchReport {
  readonly benchmark: string;
  readonly scale: BenchScale;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly machine: MachineInfo;
  /** What the runner prints, in order. */
  readonly tables: readonly TextTable[];
  readonly goals: readonly GoalResult[];
  /** Benchmark-specific raw figures, JSON-serialisable, for later comparison between runs. */
  readonly figures: unknown;
}

/** What the runner adds around a report: how busy the machine was while it ran. */
export interface RunConditions {
  readonly repeat: number;
  /** 1-, 5- and 15-minute load averages before and after the run. */
  readonly loadAverageBefore: readonly number[];
  readonly loadAverageAfter: readonly number[];
}

export interface BenchModule {
  run(options: BenchOptions): Promise<BenchReport>;
}
