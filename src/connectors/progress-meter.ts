import type { ExportPhase, ExportProgress } from './export-request.js';

/** Reports at most this often: progress is for people and job records, not a tight loop. */
const REPORT_INTERVAL_MS = 250;

/** Turns raw counts into throttled ExportProgress reports with rate and ETA. */
export class ProgressMeter {
  readonly #onProgress: ((progress: ExportProgress) => void) | undefined;
  #estimatedRows: number | null = null;
  readonly #startedAt = performance.now();
  #lastReportAt = Number.NEGATIVE_INFINITY;
  #rows = 0;
  #stagedBytes = 0;

  constructor(onProgress: ((progress: ExportProgress) => void) | undefined) {
    this.#onProgress = onProgress;
  }

  /** The source's estimate of the rows to come, once the table has been looked up. */
  estimate(rows: number | null): void {
    this.#estimatedRows = rows;
  }

  get rows(): number {
    return this.#rows;
  }

  get stagedBytes(): number {
    return this.#stagedBytes;
  }

  /** Rows and bytes staged so far. */
  reading(rows: number, stagedBytes: number, force = false): void {
    this.#rows = rows;
    this.#stagedBytes = stagedBytes;
    if (!this.#due(force)) return;
    const rate = this.#rate(rows);
    const remaining = this.#estimatedRows === null ? null : Math.max(this.#estimatedRows - rows, 0);
    this.#report('reading', rows, rate, remaining === null || rate === 0 ? null : remaining / rate);
  }

  /** DuckDB's progress through the staged rows, as a fraction from 0 to 1. */
  writing(fraction: number, startedAt: number): void {
    if (!this.#due(false)) return;
    const rows = Math.round(fraction * this.#rows);
    const seconds = (performance.now() - startedAt) / 1000;
    const eta = fraction > 0 ? (seconds * (1 - fraction)) / fraction : null;
    this.#report('writing', rows, seconds > 0 ? rows / seconds : 0, eta);
  }

  #due(force: boolean): boolean {
    if (this.#onProgress === undefined) return false;
    const now = performance.now();
    if (!force && now - this.#lastReportAt < REPORT_INTERVAL_MS) return false;
    this.#lastReportAt = now;
    return true;
  }

  #rate(rows: number): number {
    const seconds = (performance.now() - this.#startedAt) / 1000;
    return seconds > 0 ? rows / seconds : 0;
  }

  #report(
    phase: ExportPhase,
    rows: number,
    rowsPerSecond: number,
    etaSeconds: number | null,
  ): void {
    this.#onProgress!({
      phase,
      rows,
      stagedBytes: this.#stagedBytes,
      estimatedRows: this.#estimatedRows,
      rowsPerSecond,
      etaSeconds,
    });
  }
}
