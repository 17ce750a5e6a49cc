/** Subject photos (biometric data): consent-gated uploads to a private store, audited. */
export {
  PHOTO_PURPOSE,
  PhotoService,
  type PhotoDeps,
  type PhotoOutcome,
  type PhotoUpload,
} from './photo.service.js';
export { PhotoStore, type StoredPhoto } from './photo-store.js';
export {
  MAX_PHOTO_BYTES,
  PHOTO_EXTENSIONS,
  checkPhotoSize,
  photoType,
  type PhotoType,
} from './photo-type.js';
