/** Values beyond this are ignored, bounding the cost per column. */
export const MAX_SAMPLED_VALUES = 1000;

/**
 * The text form of a value object whose class defines one (DuckDB's DATE, TIMESTAMP and
 * DECIMAL values return their SQL text). Plain objects and arrays have none worth reading, and
 * a sample may hold anything, so a missing, odd or throwing `toString` just means "no text".
 */
function ownTextForm(value: object): string | undefined {
  if (Array.isArray(value)) return undefined;
  const { toString } = value as { toString?: unknown };
  if (typeof toString !== 'function' || toString === Object.prototype.toString) return undefined;
  try {
    const text: unknown = toString.call(value);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Strings are used as they are; dates as ISO text; value objects by their own text form.
 * Numbers, bigints and booleans are skipped: no text recogniser applies to them, and numeric PII
 * (salary, a BIGINT phone) is found by column name.
 */
function asText(value: unknown): string | undefined {
  let text: string | undefined;
  if (typeof value === 'string') text = value;
  else if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else if (typeof value === 'object' && value !== null) text = ownTextForm(value);
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** The sample's values as trimmed, non-empty text. */
export function sampleTexts(values: readonly unknown[]): string[] {
  const texts: string[] = [];
  for (let i = 0; i < values.length && i < MAX_SAMPLED_VALUES; i += 1) {
    const text = asText(values[i]);
    if (text !== undefined) texts.push(text);
  }
  return texts;
}
