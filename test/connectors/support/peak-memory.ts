import { readFileSync, writeFileSync } from 'node:fs';

/**
 * The kernel's resident-memory high-water mark for this process (VmHWM), which polling would
 * miss spikes of; writing "5" to /proc/self/clear_refs restarts it (Linux ≥ 4.0).
 */
export function resetPeakMemory(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

export function peakMemoryBytes(): number {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return Number(match![1]) * 1024;
}

export const MiB = 1024 * 1024;
