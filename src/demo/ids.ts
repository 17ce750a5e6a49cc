import { zeroPad } from './format.js';

/**
 * Primary keys are a prefix and a fixed-width sequence number, assigned in row order, so
 * they are unique by construction. A number too wide for its column is a sizing bug: it
 * would break the fixed width (and text ordering), so it throws instead.
 */
function sequentialId(prefix: string, width: number, index: number): string {
  const number = index + 1;
  if (!Number.isInteger(index) || index < 0 || number >= 10 ** width) {
    throw new RangeError(`${prefix} id #${number} does not fit in ${width} digits`);
  }
  return `${prefix}-${zeroPad(number, width)}`;
}

export const recruiterId = (index: number): string => sequentialId('REC', 4, index);
export const clientId = (index: number): string => sequentialId('CLI', 5, index);
export const candidateId = (index: number): string => sequentialId('CAND', 6, index);
export const jobId = (index: number): string => sequentialId('JOB', 6, index);
export const placementId = (index: number): string => sequentialId('PLC', 7, index);
export const timesheetId = (index: number): string => sequentialId('TS', 8, index);
