/** Text forms of numbers. Money is kept in integer cents so sums never drift. */

export function formatCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Hours are kept in tenths of an hour, the precision timesheets are entered in. */
export function formatTenths(tenths: number): string {
  return (tenths / 10).toFixed(1);
}

export function zeroPad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
