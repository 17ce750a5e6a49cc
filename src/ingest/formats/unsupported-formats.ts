/**
 * Formats people upload that ingest knows it cannot read. Naming them turns "unsupported
 * format" into "Excel workbooks are not supported; export the sheet as CSV".
 */
export interface KnownUnsupportedFormat {
  readonly name: string;
  readonly advice: string;
  readonly aliases: readonly string[];
  readonly contentTypes: readonly string[];
  readonly extensions: readonly string[];
  /** Leading bytes that identify the format, as a latin-1 string. */
  readonly magic: readonly string[];
}

const EXPORT_AS_CSV = 'export it as CSV, JSON or Parquet';

export const KNOWN_UNSUPPORTED_FORMATS: readonly KnownUnsupportedFormat[] = [
  {
    name: 'Excel workbook',
    advice: 'export the sheet as CSV',
    aliases: ['xlsx', 'xls', 'xlsm', 'excel'],
    contentTypes: [
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-excel',
      'application/vnd.ms-excel.sheet.macroenabled.12',
    ],
    extensions: ['.xlsx', '.xls', '.xlsm'],
    magic: ['\xd0\xcf\x11\xe0'],
  },
  {
    name: 'PDF document',
    advice: EXPORT_AS_CSV,
    aliases: ['pdf'],
    contentTypes: ['application/pdf'],
    extensions: ['.pdf'],
    magic: ['%PDF'],
  },
  {
    name: 'ZIP-based file (a .zip archive, or an .xlsx or .docx document)',
    advice: 'extract archives, and export spreadsheets as CSV',
    aliases: ['zip'],
    contentTypes: ['application/zip', 'application/x-zip-compressed'],
    extensions: ['.zip'],
    magic: ['PK\x03\x04'],
  },
  {
    name: 'gzip-compressed file',
    advice: 'decompress it before uploading',
    aliases: ['gzip', 'gz'],
    contentTypes: ['application/gzip', 'application/x-gzip'],
    extensions: ['.gz', '.gzip'],
    magic: ['\x1f\x8b'],
  },
  {
    name: 'XML document',
    advice: EXPORT_AS_CSV,
    aliases: ['xml'],
    contentTypes: ['application/xml', 'text/xml'],
    extensions: ['.xml'],
    magic: ['<?xml'],
  },
  {
    name: 'HTML page',
    advice: EXPORT_AS_CSV,
    aliases: ['html'],
    contentTypes: ['text/html'],
    extensions: ['.html', '.htm'],
    magic: [],
  },
  {
    name: 'Word document',
    advice: EXPORT_AS_CSV,
    aliases: ['doc', 'docx'],
    contentTypes: [
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    extensions: ['.doc', '.docx'],
    magic: [],
  },
  {
    name: 'Avro file',
    advice: 'convert it to Parquet',
    aliases: ['avro'],
    contentTypes: ['application/avro', 'avro/binary'],
    extensions: ['.avro'],
    magic: ['Obj\x01'],
  },
  {
    name: 'ORC file',
    advice: 'convert it to Parquet',
    aliases: ['orc'],
    contentTypes: ['application/x-orc'],
    extensions: ['.orc'],
    magic: ['ORC'],
  },
];

/** The reason given to the client, e.g. "cannot ingest a PDF document; export it as CSV…". */
export function unsupportedReason(format: KnownUnsupportedFormat): string {
  return `cannot ingest a ${format.name}; ${format.advice}`;
}

type NameField = 'aliases' | 'contentTypes' | 'extensions';

export function findUnsupported(
  field: NameField,
  name: string,
): KnownUnsupportedFormat | undefined {
  return KNOWN_UNSUPPORTED_FORMATS.find((format) => format[field].includes(name));
}

export function findUnsupportedByMagic(head: Buffer): KnownUnsupportedFormat | undefined {
  const start = head.subarray(0, 8).toString('latin1');
  return KNOWN_UNSUPPORTED_FORMATS.find((format) => format.magic.some((m) => start.startsWith(m)));
}
