import { execFileSync } from 'node:child_process';

/** The commit a run measured, and whether the tree had uncommitted changes (then figures may not reproduce). */
export interface GitRevision {
  readonly commit: string;
  readonly dirty: boolean;
}

/** undefined outside a git checkout or without git: a report is still worth writing. */
export function gitRevision(cwd = process.cwd()): GitRevision | undefined {
  try {
    const git = (...args: string[]): string =>
      execFileSync('git', args, {
        cwd,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    const commit = git('rev-parse', '--short', 'HEAD');
    // Only the product's sources matter: benchmark and report files change while benchmarking.
    const dirty = git('status', '--porcelain', '--', 'src').length > 0;
    return { commit, dirty };
  } catch {
    return undefined;
  }
}
