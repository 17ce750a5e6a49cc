import { version as duckdbVersion } from '@duckdb/node-api';
import os from 'node:os';

/** Enough about the machine to tell whether two reports can be compared at all. */
export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryBytes: number;
  readonly platform: string;
  readonly kernel: string;
  readonly node: string;
  readonly duckdb: string;
}

export function describeMachine(): MachineInfo {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.arch()}`,
    kernel: os.release(),
    node: process.version,
    duckdb: duckdbVersion(),
  };
}

export function machineSummary(machine: MachineInfo): string {
  const gib = (machine.memoryBytes / 1024 ** 3).toFixed(1);
  return (
    `${machine.cpus} CPU (${machine.cpuModel}), ${gib} GiB RAM, ${machine.platform}, ` +
    `Node.js ${machine.node}, DuckDB ${machine.duckdb}`
  );
}
