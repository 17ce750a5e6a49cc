/**
 * Canonical JSON: one byte sequence per value, so a row hashes the same in every
 * implementation and after any re-serialization. The rules are those of RFC 8785 (JCS) for
 * the values an audit row can hold: object keys sorted by UTF-16 code units (the order of
 * JavaScript's default `sort`, also JCS §3.2.3), arrays in order, no insignificant whitespace,
 * numbers as ECMAScript `Number#toString` prints them, strings escaped as `JSON.stringify` does.
 */
export class CanonicalJsonError extends Error {
  /** Where in the value the problem is, as `$.accessor.purpose` or `$.fields_accessed[2]`. */
  readonly path: string;
  readonly problem: string;

  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.name = 'CanonicalJsonError';
    this.path = path;
    this.problem = problem;
  }
}

/** The canonical JSON text of `value`; throws CanonicalJsonError for what has no JSON form. */
export function canonicalJson(value: unknown): string {
  return write(value);
}

/**
 * The canonical JSON of a plain object with and without one of its members, in one pass:
 * what verify needs for each row (the HMAC covers the row without `row_hmac`, the hash
 * covers it whole).
 */
export function canonicalJsonPair(
  record: Record<string, unknown>,
  omit: string,
): { whole: string; without: string } {
  return writeMembers(record, omit);
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return writeNumber(value);
    case 'string':
      return writeString(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value);
    default:
      // undefined is refused rather than dropped (JSON.stringify drops it), so a field the
      // caller meant to sign can never silently go missing from the signed bytes.
      throw new CanonicalJsonError('$', `${typeof value} has no JSON form`);
  }
}

function writeNumber(value: number): string {
  if (!Number.isFinite(value)) throw new CanonicalJsonError('$', `${value} is not a finite number`);
  // JSON.stringify(-0) is already "0"; JCS asks for the same.
  return Object.is(value, -0) ? '0' : JSON.stringify(value);
}

// Any surrogate half: a cheap first test (the `u` regex below costs five times as much).
const SURROGATE = /[\ud800-\udfff]/;
// With the `u` flag a well-formed pair is one code point, so only lone halves match. They
// have no UTF-8 form, so implementations in other languages could not reproduce the bytes.
const LONE_SURROGATE = /\p{Surrogate}/u;

function writeString(value: string): string {
  if (SURROGATE.test(value) && LONE_SURROGATE.test(value))
    throw new CanonicalJsonError('$', 'string holds a lone UTF-16 surrogate');
  return JSON.stringify(value);
}

function writeArray(value: readonly unknown[]): string {
  let text = '[';
  // An index loop, not map: map skips holes, which must be refused like undefined.
  for (let i = 0; i < value.length; i += 1) {
    try {
      text += (i > 0 ? ',' : '') + write(value[i]);
    } catch (error) {
      throw within(`[${i}]`, error);
    }
  }
  return `${text}]`;
}

function writeObject(value: object): string {
  return writeMembers(value, undefined).whole;
}

function writeMembers(value: object, omit: string | undefined) {
  const prototype = Object.getPrototypeOf(value) as unknown;
  // Dates, Maps and class instances would go through toJSON or lose their state: refuse them.
  if (prototype !== Object.prototype && prototype !== null)
    throw new CanonicalJsonError('$', 'only plain objects have a canonical form');
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let whole = '';
  let without = '';
  for (const key of keys) {
    let member: string;
    try {
      member = `${writeString(key)}:${write(record[key])}`;
    } catch (error) {
      throw within(`.${key}`, error);
    }
    whole += whole === '' ? member : `,${member}`;
    if (omit !== undefined && key !== omit) without += without === '' ? member : `,${member}`;
  }
  return { whole: `{${whole}}`, without: `{${without}}` };
}

/**
 * The error with `segment` put into its path as it unwinds: paths are built only on failure,
 * which keeps the common case (verify canonicalizes every row) free of string building.
 */
function within(segment: string, error: unknown): unknown {
  if (!(error instanceof CanonicalJsonError)) return error;
  return new CanonicalJsonError(`$${segment}${error.path.slice(1)}`, error.problem);
}
