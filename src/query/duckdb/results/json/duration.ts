import { formatFraction } from './clock.js';

const MICROS_PER_SECOND = 1_000_000n;

/**
 * An ISO 8601 duration for DuckDB's three-part INTERVAL (months, days, micros), e.g.
 * 'P1Y2M3DT4H5M6.5S'. The parts are independent in DuckDB (a month is not 30 days, a day is not
 * 24 hours across DST), so they are never normalised into each other. Parts can have mixed
 * signs; each negative part carries its own '-', as PostgreSQL's `intervalstyle = iso_8601` writes
 * them ('P-1Y3DT-4H'). A zero interval is 'PT0S'.
 */
export function formatIsoDuration(months: number, days: number, micros: bigint): string {
  const years = Math.trunc(months / 12);
  const restMonths = months % 12;
  let text = 'P';
  if (years !== 0) text += `${years}Y`;
  if (restMonths !== 0) text += `${restMonths}M`;
  if (days !== 0) text += `${days}D`;
  if (micros !== 0n) text += `T${formatTimePart(micros)}`;
  return text === 'P' ? 'PT0S' : text;
}

function formatTimePart(micros: bigint): string {
  const sign = micros < 0n ? '-' : '';
  const absolute = micros < 0n ? -micros : micros;
  const totalSeconds = absolute / MICROS_PER_SECOND;
  const hours = totalSeconds / 3600n;
  const minutes = (totalSeconds / 60n) % 60n;
  const seconds = totalSeconds % 60n;
  const fraction = absolute % MICROS_PER_SECOND;
  let text = '';
  if (hours !== 0n) text += `${sign}${hours}H`;
  if (minutes !== 0n) text += `${sign}${minutes}M`;
  if (seconds !== 0n || fraction !== 0n)
    text += `${sign}${seconds}${formatFraction(Number(fraction), 6)}S`;
  return text;
}
