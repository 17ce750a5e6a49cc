export type Privilege = 'read' | 'write' | 'admin';
export const PRIVILEGES: readonly Privilege[] = ['read', 'write', 'admin'];
/** write includes read, admin includes write. */
export const PRIVILEGE_RANK: Record<Privilege, number> = { read: 1, write: 2, admin: 3 };

export type GrantObjectType = 'dataset' | 'view';
export const ALL_OBJECTS = '*';

export interface Grant {
  readonly role: string;
  readonly objectType: GrantObjectType;
  /** A dataset or view name, or `*` for all of that type. */
  readonly objectName: string;
  readonly privilege: Privilege;
}

export type MaskKind = 'null' | 'hash' | 'mask';
export const MASK_KINDS: readonly MaskKind[] = ['null', 'hash', 'mask'];
/** When several of a caller's roles mask one column, the strongest applies. */
export const MASK_STRENGTH: Record<MaskKind, number> = { mask: 1, hash: 2, null: 3 };

export interface ColumnMask {
  readonly role: string;
  readonly dataset: string;
  readonly column: string;
  readonly kind: MaskKind;
  readonly keepPrefix: number;
  readonly keepSuffix: number;
}

export interface RowFilter {
  readonly role: string;
  readonly dataset: string;
  /** A predicate over the dataset's columns, validated by the engine's parser when set. */
  readonly predicate: string;
}

export interface Role {
  readonly name: string;
  readonly description: string;
  readonly builtIn: boolean;
}

/** What one caller may do with one dataset, after combining all their roles. */
export interface DatasetAccess {
  readonly privilege: Privilege | null;
  /** Column (lowercased) → the mask that applies. */
  readonly masks: ReadonlyMap<string, ColumnMask>;
  /** Every role's filter must hold (restrictive combination). */
  readonly filters: readonly string[];
  /** Admins read raw data: no masks, no filters. */
  readonly unrestricted: boolean;
}
