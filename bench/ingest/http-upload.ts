import { createReadStream } from 'node:fs';
import http from 'node:http';
import { BENCH_ADMIN_KEY } from '../support/bench-app.js';
import { startTimer } from '../support/timer.js';
import type { ConvertRun } from './raw-convert.js';

/** The part of the 201 answer the benchmark checks. */
interface IngestCreated {
  readonly rows_written: number;
}

/**
 * POSTs a CSV file to `/ingest/file` the way a client would: streamed from disk as the request
 * body (chunked, never in memory whole), synchronous, so the answer comes when the dataset is
 * committed. Timed from the first byte sent to the end of the response.
 */
export async function uploadCsv(
  baseUrl: string,
  file: string,
  dataset: string,
): Promise<ConvertRun> {
  const url = new URL('/ingest/file', baseUrl);
  url.search = new URLSearchParams({
    dataset,
    mode: 'create',
    filename: `${dataset}.csv`,
    async: 'false',
  }).toString();
  const { status, body, seconds } = await post(url, file);
  if (status !== 201) {
    // The server logs the cause; BENCH_LOG_LEVEL=error makes the bench app print it.
    throw new Error(`POST ${url.pathname} → ${status}: ${body} (rerun with BENCH_LOG_LEVEL=error)`);
  }
  return { rows: (JSON.parse(body) as IngestCreated).rows_written, seconds };
}

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly seconds: number;
}

function post(url: URL, file: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let elapsed: (() => number) | undefined;
    const request = http.request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_ADMIN_KEY}`, 'content-type': 'text/csv' },
    });
    request.on('error', reject);
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          seconds: elapsed?.() ?? 0,
        }),
      );
    });
    const source = createReadStream(file, { highWaterMark: 1 << 20 });
    source.once('data', () => (elapsed = startTimer())); // the clock starts with the first byte
    source.on('error', reject);
    source.pipe(request);
  });
}
