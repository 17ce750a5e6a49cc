import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Refiner } from './read-failure.js';

/**
 * DuckDB 1.5.6 reports an NDJSON error "in line N" where N−1 counts the non-blank lines up
 * to the bad one. Blank lines make that differ from the physical line, so find it in the file.
 */
export const locateNdjsonLine: Refiner = async (failure, first) => {
  if (first.line === undefined) return undefined;
  const wanted = first.line - 1;
  if (wanted < 1) return undefined;
  const physical = await physicalLineOfNonBlank(failure.path, wanted);
  if (physical === undefined) return undefined;
  return {
    ...first,
    line: physical,
    message: first.message.replace(`line ${first.line}`, `line ${physical}`),
  };
};

async function physicalLineOfNonBlank(
  file: string,
  nonBlankIndex: number,
): Promise<number | undefined> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let physical = 0;
  let nonBlank = 0;
  try {
    for await (const line of lines) {
      physical += 1;
      if (line.trim() !== '') nonBlank += 1;
      if (nonBlank === nonBlankIndex) return physical;
    }
  } finally {
    lines.close();
  }
  return undefined;
}
