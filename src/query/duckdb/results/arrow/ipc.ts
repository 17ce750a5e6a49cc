import type { DuckDBDataChunk, DuckDBResult } from '@duckdb/node-api';
import {
  AsyncByteQueue,
  Field,
  makeData,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
} from 'apache-arrow';
import { dataChunks } from '../chunks.js';
import { resultColumns } from '../columns.js';
import type { ArrowEncoder } from './encoder.js';
import { arrowEncoderFor } from './encoders.js';

/**
 * The result as an Arrow IPC *stream*: a schema message, one record batch per DuckDB chunk, then
 * the end-of-stream marker — each yielded as soon as it is encoded. Column names are kept as
 * DuckDB gives them, duplicates included (Arrow schemas are positional and allow that); each
 * field carries its DuckDB type text as metadata under `duckdb.type`.
 */
export async function* arrowIpcChunks(result: DuckDBResult): AsyncGenerator<Uint8Array> {
  const encoders = result.columnTypes().map(arrowEncoderFor);
  const schema = new Schema(
    resultColumns(result).map(
      ({ name, type }, i) =>
        new Field(name, encoders[i]!.type, true, new Map([['duckdb.type', type]])),
    ),
  );
  const sink = new PieceSink();
  const writer = new RecordBatchStreamWriter();
  writer.reset(sink, schema); // writes the schema message
  yield sink.take();
  for await (const chunk of dataChunks(result)) {
    writer.write(recordBatch(schema, encoders, chunk));
    yield sink.take();
  }
  writer.finish(); // writes the end-of-stream marker and closes the sink
  yield sink.take();
}

function recordBatch(
  schema: Schema,
  encoders: readonly ArrowEncoder[],
  chunk: DuckDBDataChunk,
): RecordBatch {
  const length = chunk.rowCount;
  const children = encoders.map((encoder, c) => {
    const vector = chunk.getColumnVector(c);
    const values = new Array<ReturnType<typeof vector.getItem>>(length);
    for (let r = 0; r < length; r++) values[r] = vector.getItem(r);
    return encoder.encode(values);
  });
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length, children }));
}

/**
 * The writer's byte sink. Arrow JS writers emit into an AsyncByteQueue meant to be drained by an
 * async reader; writing is synchronous here, so this subclass just collects the pieces of each
 * message and hands them over joined, with nothing queued between yields.
 */
class PieceSink extends AsyncByteQueue {
  #pieces: Uint8Array[] = [];

  override write(value: Parameters<AsyncByteQueue['write']>[0]): void {
    if (!(value instanceof Uint8Array)) throw new TypeError('Arrow writer wrote a non-byte chunk');
    this.#pieces.push(value); // views of the batch's buffers; take() copies them out
  }

  /** Everything written since the last take, as one fresh buffer. */
  take(): Uint8Array {
    const joined = Buffer.concat(this.#pieces);
    this.#pieces = [];
    return joined;
  }
}
