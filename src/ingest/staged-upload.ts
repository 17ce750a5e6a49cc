import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, uuidv7 } from '../core/index.js';

const HEAD_BYTES = 64 * 1024;

/** An uploaded file written to the staging area: never visible as data until committed. */
export interface StagedUpload {
  readonly path: string;
  readonly size: number;
  /** Settles with the content checksum (computed while the file is converted, for local files). */
  readonly sha256: Promise<string>;
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
    sha256: Promise.resolve(hash.digest('hex')),
    head: Buffer.concat(headChunks),
    displayName: options.displayName,
    remove: () => rm(file, { force: true }),
  };
}

/**
 * Describes a file already on the server (inbox, demo, CLI) in place: no copy. Only the first
 * bytes are read now; the checksum is computed by one streaming read that runs alongside the
 * conversion (it is needed only at commit), so it adds no pass to the ingest's duration.
 */
export async function describeLocalFile(file: string, displayName: string): Promise<StagedUpload> {
  const handle = await open(file, 'r');
  let size: number;
  let head: Buffer;
  try {
    size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(HEAD_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  const sha256 = hashFile(file);
  sha256.catch(() => {}); // awaited at commit; an early failure must not go unhandled
  return { path: file, size, sha256, head, displayName, remove: async () => {} };
}

async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  // 1 MiB reads: the default 64 KiB makes the read loop, not SHA-256, the cost.
  for await (const chunk of createReadStream(file, {
    highWaterMark: 1024 * 1024,
  }) as AsyncIterable<Buffer>)
    hash.update(chunk);
  return hash.digest('hex');
}
