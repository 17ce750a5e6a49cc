import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, uuidv7 } from '../core/index.js';

const HEAD_BYTES = 64 * 1024;

/** An uploaded file written to the staging area: never visible as data until committed. */
export interface StagedUpload {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  /** The first bytes, for format sniffing. */
  readonly head: Buffer;
  /** The name the caller gave it (upload or file name), for lineage and messages. */
  readonly displayName: string;
  remove(): Promise<void>;
}

/**
 * Streams a body to `<staging>/<id>` without buffering it whole, refusing (413) past
 * `maxBytes`; hashes it on the way for lineage.
 */
export async function stageUpload(
  body: Readable,
  options: { dir: string; maxBytes: number; displayName: string },
): Promise<StagedUpload> {
  await mkdir(options.dir, { recursive: true });
  const file = path.join(options.dir, `${uuidv7()}.upload`);
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > options.maxBytes) {
        callback(
          new AppError(
            'payload_too_large',
            `upload exceeds the limit of ${options.maxBytes} bytes`,
          ),
        );
        return;
      }
      hash.update(chunk);
      if (headLength < HEAD_BYTES) {
        headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
        headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
      }
      callback(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file, { flags: 'wx' }));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  return {
    path: file,
    size,
    sha256: hash.digest('hex'),
    head: Buffer.concat(headChunks),
    displayName: options.displayName,
    remove: () => rm(file, { force: true }),
  };
}

/**
 * Describes a file already on the server (inbox, demo) in place: no copy, hashed by one
 * streaming read. Removing it is left to whoever owns the file.
 */
export async function describeLocalFile(file: string, displayName: string): Promise<StagedUpload> {
  const hash = createHash('sha256');
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    size += chunk.length;
    hash.update(chunk);
    if (headLength < HEAD_BYTES) {
      headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
      headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
    }
  }
  return {
    path: file,
    size,
    sha256: hash.digest('hex'),
    head: Buffer.concat(headChunks),
    displayName,
    remove: async () => {},
  };
}
