/** The lexical pieces of DuckDB type text such as `STRUCT("a b" DECIMAL(10,2), c VARCHAR[])`. */
export type TypeToken =
  | { readonly kind: 'word'; readonly text: string } // INTEGER, WITH, a field name
  | { readonly kind: 'quoted'; readonly text: string } // "a ""b""" → a "b"
  | { readonly kind: 'string'; readonly text: string } // 'x' in ENUM('x'), kept with its quotes
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'punctuation'; readonly text: string };

export class TypeSyntaxError extends Error {}

// One alternative per token kind, in the order of the TypeToken union; whitespace is skipped.
const TOKEN =
  /\s*(?:([A-Za-z_][A-Za-z0-9_$]*)|"((?:[^"]|"")*)"|('(?:[^']|'')*')|(\d+)|([(),[\]]))/y;

export function tokenizeType(text: string): TypeToken[] {
  const source = text.trimEnd();
  const pattern = new RegExp(TOKEN); // a private copy: sticky regexes carry their position
  const tokens: TypeToken[] = [];
  while (pattern.lastIndex < source.length) {
    const start = pattern.lastIndex;
    const match = pattern.exec(source);
    if (!match) throw new TypeSyntaxError(`unexpected text: ${source.slice(start)}`);
    tokens.push(toToken(match));
  }
  return tokens;
}

function toToken([, word, quoted, string, number, punctuation]: RegExpExecArray): TypeToken {
  if (word !== undefined) return { kind: 'word', text: word };
  if (quoted !== undefined) return { kind: 'quoted', text: quoted.replaceAll('""', '"') };
  if (string !== undefined) return { kind: 'string', text: string };
  if (number !== undefined) return { kind: 'number', text: number };
  return { kind: 'punctuation', text: punctuation ?? '' };
}
