import { AppError } from '../../core/index.js';
import { FILE_FORMATS } from './file-format.js';
import type { FileFormat } from './file-format.js';
import type { IngestFileError } from './ingest-file-error.js';

/** The upload is in a format ingest cannot read (415). Lists the formats it can. */
export class UnsupportedFormatError extends AppError {
  readonly accepted: readonly FileFormat[] = FILE_FORMATS;

  constructor(reason: string, received?: string) {
    const message = `${reason} (accepted formats: ${FILE_FORMATS.join(', ')})`;
    super('unsupported_format', message, { details: { accepted: FILE_FORMATS, received } });
    this.name = 'UnsupportedFormatError';
  }
}

/** A reader option (usually a query parameter) is not one we accept (400). */
export class InvalidOptionError extends AppError {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super('invalid_option', `invalid ${option}: ${message}`, { details: { option } });
    this.name = 'InvalidOptionError';
  }
}

/** The file was read and rejected: malformed, empty or wrongly encoded. */
export class FileRejectedError extends AppError {
  constructor(readonly problem: IngestFileError) {
    const { line, column, record } = problem;
    super(problem.code, problem.message, { details: { line, column, record } });
    this.name = 'FileRejectedError';
  }
}
