import type { PrincipalKind } from '../core/index.js';

export interface ApiKeyRecord {
  readonly id: string;
  readonly name: string;
  readonly hint: string;
  readonly principal: {
    readonly id: string;
    readonly name: string;
    readonly kind: PrincipalKind;
    readonly roles: readonly string[];
  };
  readonly createdAt: string;
  readonly createdBy: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly status: 'active' | 'expired' | 'revoked';
}

export interface CreateKeyInput {
  readonly name: string;
  /** Bind to an existing principal; otherwise a principal named after the key is created. */
  readonly principalId?: string;
  readonly kind?: PrincipalKind;
  readonly roles?: readonly string[];
  readonly expiresAt?: string;
  /** A duration such as `30d`, `12h`, `90m`; alternative to expiresAt. */
  readonly expiresIn?: string;
}

export interface CreatedKey {
  /** The plaintext key: returned once, never stored. */
  readonly key: string;
  readonly record: ApiKeyRecord;
}
