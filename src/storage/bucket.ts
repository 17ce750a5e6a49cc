import { AppError } from '../core/index.js';

export interface Bucket {
  readonly name: string;
  readonly backend: 'local';
  readonly protected: boolean;
  readonly createdAt: string;
  readonly createdBy: string;
}

/** Buckets that always exist and cannot be deleted. */
export const PROTECTED_BUCKETS = ['primary', 'rescue'] as const;

const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** S3-compatible bucket names: 3–63 lowercase letters, digits and hyphens. */
export function validateBucketName(name: string): string {
  if (!BUCKET_NAME.test(name) || name.includes('--')) {
    throw new AppError(
      'invalid_bucket_name',
      'bucket names are 3-63 characters of lowercase letters, digits and single hyphens, starting and ending with a letter or digit',
      { details: { name } },
    );
  }
  return name;
}
