export type RedactionKind = 'null' | 'hash' | 'mask';

export interface Redaction {
  readonly kind: RedactionKind;
  readonly keepPrefix: number;
  readonly keepSuffix: number;
}

/** A named, governed projection of one dataset for AI agents and other narrow consumers. */
export interface AiView {
  readonly name: string;
  readonly dataset: string;
  readonly description: string;
  /** The only columns the view exposes, in order. */
  readonly columns: readonly string[];
  readonly rowFilter: string | null;
  /** Column (as named in `columns`) → redaction. */
  readonly redactions: Readonly<Record<string, Redaction>>;
  readonly createdAt: string;
  readonly createdBy: string;
}
