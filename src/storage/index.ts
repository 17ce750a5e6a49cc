/** Storage: the ObjectStore interface, its local-filesystem implementation, buckets and raw objects. */
export type {
  ObjectBody,
  ObjectInfo,
  ObjectStore,
  StagedObject,
  WriteOptions,
} from './object-store.js';
export { LocalObjectStore } from './local/local-object-store.js';
export { validateObjectKey, validateKeyPrefix } from './object-key.js';
export { BucketService } from './bucket.service.js';
export { ObjectService, MAX_LIST_PAGE, type ObjectPage } from './object.service.js';
export { PROTECTED_BUCKETS, validateBucketName, type Bucket } from './bucket.js';
