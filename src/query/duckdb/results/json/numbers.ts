/**
 * Numbers in JSON. JSON numbers are IEEE doubles in practice (JSON.parse, most clients), so
 * anything wider than 53 bits travels as an exact decimal string instead.
 */

/** DOUBLE: a JSON number, or 'NaN' / 'Infinity' / '-Infinity', which JSON cannot express. */
export function doubleToJson(value: number): number | string {
  return Number.isFinite(value) ? value : String(value);
}

/**
 * FLOAT: node-api widens the float32 to a double, so 3.14 arrives as 3.140000104904175. Write the
 * shortest decimal that rounds back to the same float32 (what DuckDB prints), which is exact for
 * the stored value and not a rounding of it.
 */
export function floatToJson(value: number): number | string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return value; // keeps -0, which toPrecision would turn into 0
  for (let precision = 1; precision < 9; precision++) {
    const candidate = Number(value.toPrecision(precision));
    if (Math.fround(candidate) === value) return candidate;
  }
  return Number(value.toPrecision(9)); // 9 significant digits always round-trip a float32
}

/** DECIMAL: the unscaled integer with the point put back, keeping every scale digit ('1.50'). */
export function decimalToString(unscaled: bigint, scale: number): string {
  if (scale === 0) return unscaled.toString();
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString().padStart(scale + 1, '0');
  const point = digits.length - scale;
  return `${negative ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
}
