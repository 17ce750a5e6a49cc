/** Times are stored as fixed-width ISO-8601 UTC text so that text order is time order. */
export function isoTime(date: Date): string {
  return date.toISOString();
}

export function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}
