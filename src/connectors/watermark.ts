import { AppError } from '../core/index.js';
import type { WatermarkRequest } from './export-request.js';

/** The column an incremental import filters on, found among the table's columns. */
export function findWatermarkColumn<C extends { readonly name: string }>(
  columns: readonly C[],
  watermark: WatermarkRequest,
): C {
  const column = columns.find((c) => c.name === watermark.column);
  if (column === undefined) {
    throw new AppError(
      'invalid_option',
      `watermark column "${watermark.column}" is not in the table`,
      {
        details: { column: watermark.column },
      },
    );
  }
  return column;
}

export function unorderedWatermark(column: string, sourceType: string): AppError {
  return new AppError(
    'invalid_option',
    `watermark column "${column}" has type ${sourceType}; use an increasing number, date, timestamp or text column`,
    { details: { column, sourceType } },
  );
}

export function invalidWatermarkValue(
  column: string,
  sourceType: string,
  cause: unknown,
): AppError {
  return new AppError(
    'invalid_option',
    `the stored watermark is not a valid ${sourceType} value for column "${column}"`,
    { details: { column, sourceType }, cause },
  );
}
