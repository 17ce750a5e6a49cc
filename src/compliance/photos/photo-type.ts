import { AppError, ValidationError } from '../../core/index.js';

/** The media types a subject photo may have, and the file extension each is stored with. */
export const PHOTO_EXTENSIONS = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
} as const satisfies Record<string, string>;
export type PhotoType = keyof typeof PHOTO_EXTENSIONS;

/** The largest photo accepted: 10 MiB. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/**
 * The photo's media type from a Content-Type header. Per RFC 9110 §8.3.1 type and subtype are
 * case-insensitive and parameters may follow (`image/JPEG; charset=binary`); they say nothing
 * about the image, so they are accepted and dropped.
 */
export function photoType(contentType: string | undefined): PhotoType {
  const media = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (Object.hasOwn(PHOTO_EXTENSIONS, media)) return media as PhotoType;
  const given =
    contentType === undefined ? 'no content type' : JSON.stringify(contentType.slice(0, 100));
  throw new AppError(
    'unsupported_media_type',
    `a subject photo must be image/jpeg or image/png, got ${given}`,
  );
}

/** Refuses an empty photo (400) or one over MAX_PHOTO_BYTES (413). */
export function checkPhotoSize(bytes: number): void {
  if (bytes === 0)
    throw new ValidationError('the photo is empty: send the image bytes as the body');
  if (bytes > MAX_PHOTO_BYTES)
    throw new AppError(
      'payload_too_large',
      `a subject photo may be at most ${MAX_PHOTO_BYTES} bytes (10 MiB), got ${bytes}`,
    );
}
