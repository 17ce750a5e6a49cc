import { REDACTED } from './secret.js';

/**
 * Every spelling a secret can take inside text we did not write: as is, percent-encoded the
 * way `encodeURIComponent` and the WHATWG URL userinfo serialiser do it (drivers echo DSNs),
 * and JSON-escaped (drivers echo options objects).
 */
export function secretForms(secret: string): string[] {
  if (secret.length === 0) return [];
  const url = new URL('x://host');
  url.password = secret;
  const forms = [
    secret,
    encodeURIComponent(secret),
    url.password,
    JSON.stringify(secret).slice(1, -1),
  ];
  // Longest first, so a form that contains another is replaced whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** `text` with every form of every secret replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    for (const form of secretForms(secret)) result = result.replaceAll(form, REDACTED);
  }
  return result;
}

/**
 * Removes secrets from an error in place (message, stack, and the errors it wraps), so it can
 * be kept as a `cause` with its stack instead of being rewrapped as a string.
 */
export function scrubError(
  error: unknown,
  secrets: readonly string[],
  seen = new Set<unknown>(),
): void {
  if (!(error instanceof Error) || seen.has(error) || secrets.length === 0) return;
  seen.add(error);
  error.message = redact(error.message, secrets);
  if (error.stack !== undefined) error.stack = redact(error.stack, secrets);
  // Driver errors carry extra text fields (the SQL, a hint, the server's message).
  const fields = error as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') fields[key] = redact(value, secrets);
  }
  scrubError(error.cause, secrets, seen);
  if (error instanceof AggregateError) {
    for (const inner of error.errors) scrubError(inner, secrets, seen);
  }
}
