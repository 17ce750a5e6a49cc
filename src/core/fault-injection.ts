/**
 * Test-only crash points. With LAKEHOUSE_FAULT_POINT=<name>, the process kills itself with
 * SIGKILL when execution reaches that point, so tests can prove that a crash at any instant
 * leaves either the old or the new state. Unset (always in production), `hit` does nothing.
 */
export class FaultInjector {
  readonly #point: string | undefined;

  constructor(point: string | undefined) {
    this.#point = point;
  }

  hit(name: FaultPointName): void {
    if (this.#point === name) process.kill(process.pid, 'SIGKILL');
  }
}

export const FAULT_POINTS = [
  'ingest.after_data_write',
  'ingest.before_commit',
  'ingest.mid_commit',
  'ingest.after_commit',
  'compact.after_data_write',
  'compact.before_commit',
  'compact.mid_commit',
  'compact.after_commit',
  'compact.mid_rewrite',
] as const;
export type FaultPointName = (typeof FAULT_POINTS)[number];

export const NO_FAULTS = new FaultInjector(undefined);
