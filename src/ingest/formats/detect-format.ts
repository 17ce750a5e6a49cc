import path from 'node:path';
import { FileRejectedError, UnsupportedFormatError } from './errors.js';
import type { FileFormat } from './file-format.js';
import {
  FORMAT_ALIASES,
  FORMAT_CONTENT_TYPES,
  FORMAT_EXTENSIONS,
  UNINFORMATIVE_CONTENT_TYPES,
  UNINFORMATIVE_EXTENSIONS,
  reverseLookup,
} from './format-names.js';
import { sniffFormat } from './sniff-format.js';
import { findUnsupported, unsupportedReason } from './unsupported-formats.js';

export interface FormatHints {
  /** ?format= — the client's word is final, so an unknown value is an error, not a hint. */
  readonly explicit?: string;
  readonly contentType?: string;
  readonly fileName?: string;
  /** The first ≤ 64 KiB of the file. */
  readonly head?: Buffer;
}

const BY_ALIAS = reverseLookup(FORMAT_ALIASES);
const BY_CONTENT_TYPE = reverseLookup(FORMAT_CONTENT_TYPES);
const BY_EXTENSION = reverseLookup(FORMAT_EXTENSIONS);

/** Picks the format: explicit > content type > file extension > sniffing the head bytes. */
export function detectFormat(hints: FormatHints): FileFormat {
  const explicit = normalise(hints.explicit);
  if (explicit !== '') return fromExplicit(explicit);
  return (
    fromContentType(normalise(hints.contentType?.split(';', 1)[0])) ??
    fromExtension(path.extname(hints.fileName ?? '').toLowerCase()) ??
    fromHead(hints.head, hints.fileName) ??
    refuse(`could not tell the format of ${uploadName(hints.fileName)}; pass ?format=`)
  );
}

function fromExplicit(name: string): FileFormat {
  const format = BY_ALIAS.get(name);
  if (format !== undefined) return format;
  const known = findUnsupported('aliases', name);
  return refuse(known ? unsupportedReason(known) : `unknown format "${name}"`, name);
}

function fromContentType(type: string): FileFormat | undefined {
  if (type === '' || UNINFORMATIVE_CONTENT_TYPES.includes(type)) return undefined;
  const known = findUnsupported('contentTypes', type);
  if (known !== undefined) refuse(unsupportedReason(known), type);
  // An unfamiliar content type is a weak hint (clients invent them); let the bytes decide.
  return BY_CONTENT_TYPE.get(type);
}

function fromExtension(extension: string): FileFormat | undefined {
  if (extension === '' || UNINFORMATIVE_EXTENSIONS.includes(extension)) return undefined;
  const known = findUnsupported('extensions', extension);
  if (known !== undefined) refuse(unsupportedReason(known), extension);
  return BY_EXTENSION.get(extension);
}

function fromHead(head: Buffer | undefined, fileName: string | undefined): FileFormat | undefined {
  if (head === undefined) return undefined;
  if (head.length === 0) {
    // Not "unknown format": there is nothing to have a format, and the client should know that.
    const message = `${uploadName(fileName)} is empty (0 bytes)`;
    throw new FileRejectedError({ code: 'empty_file', message });
  }
  return sniffFormat(head);
}

function refuse(message: string, received?: string): never {
  throw new UnsupportedFormatError(message, received);
}

function normalise(value: string | undefined): string {
  return (value ?? '').trim().toLowerCase();
}

function uploadName(fileName: string | undefined): string {
  return fileName ? `'${fileName}'` : 'the upload';
}
