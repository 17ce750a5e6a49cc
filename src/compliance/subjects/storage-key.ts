import { createHash } from 'node:crypto';

const MAX_READABLE = 48;

/**
 * A storage key for a subject id: the id's safe characters (readable in a directory listing)
 * plus a hash of the exact id, so ids that sanitize alike ("a/b" and "a_b", or case variants on
 * case-insensitive file systems) never share a key. `extra` lengthens the hash when the
 * metastore's uniqueness check still finds a clash.
 */
export function subjectStorageKey(subjectId: string, extra = 0): string {
  const readable =
    subjectId
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '_')
      .replace(/^[_-]+|[_-]+$/g, '')
      .slice(0, MAX_READABLE) || 'subject';
  const hash = createHash('sha256').update(subjectId, 'utf8').digest('hex');
  return `${readable}-${hash.slice(0, 16 + extra)}`;
}
