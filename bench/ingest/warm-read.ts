import { createReadStream } from 'node:fs';

/**
 * Reads a file end to end and throws the bytes away, like `cat file > /dev/null`, so that
 * whichever path is timed first does not pay for cold page cache and the other get it warm.
 */
export async function warmRead(file: string): Promise<number> {
  let bytes = 0;
  for await (const chunk of createReadStream(file, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
  }
  return bytes;
}
