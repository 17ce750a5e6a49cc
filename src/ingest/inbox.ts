import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ForbiddenError, NotFoundError } from '../core/index.js';

/**
 * Resolves a caller-given path to a regular file inside the inbox. Symlinks are resolved
 * first, so a link inside the inbox cannot point a request at /etc/passwd.
 */
export async function resolveInboxPath(inboxDir: string, requested: string): Promise<string> {
  const inbox = await realpath(inboxDir).catch(() => {
    throw new NotFoundError('not_found', 'the inbox folder does not exist on this server');
  });
  const candidate = path.resolve(inbox, requested);
  const outside = () =>
    new ForbiddenError(
      `path "${requested}" is outside the inbox folder; only files inside it can be ingested`,
      {
        path: requested,
      },
      'path_not_allowed',
    );
  if (!isInside(inbox, candidate)) throw outside();
  const resolved = await realpath(candidate).catch(() => {
    throw new NotFoundError('not_found', `no file "${requested}" in the inbox`);
  });
  if (!isInside(inbox, resolved)) throw outside();
  if (!(await stat(resolved)).isFile())
    throw new NotFoundError('not_found', `"${requested}" is not a file`);
  return resolved;
}

function isInside(root: string, candidate: string): boolean {
  return candidate.startsWith(root + path.sep);
}
