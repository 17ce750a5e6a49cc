import { quoteIdentifier } from './quote-identifier.js';
import type { TokenCursor } from './token-cursor.js';
import type { TypeToken } from './type-tokens.js';

/** The arguments of a type without rules of its own, e.g. ENUM('a', 'b'), up to its `)`. */
export function readArgumentText(cursor: TokenCursor): string {
  const tokens: TypeToken[] = [];
  for (let depth = 1; ;) {
    const token = cursor.next();
    if (isPunctuation(token, '(')) depth += 1;
    if (isPunctuation(token, ')')) depth -= 1;
    if (depth === 0) return joinTokens(tokens);
    tokens.push(token);
  }
}

function isPunctuation(token: TypeToken, text: string): boolean {
  return token.kind === 'punctuation' && token.text === text;
}

/** Canonical spacing: `a , b` → `a, b`, words upper-cased, neighbouring words one space apart. */
function joinTokens(tokens: readonly TypeToken[]): string {
  const spaced = (token: TypeToken, previous: TypeToken | undefined): string =>
    (previous && isAtom(previous) && isAtom(token) ? ' ' : '') + tokenText(token);
  return tokens.map((token, index) => spaced(token, tokens[index - 1])).join('');
}

function isAtom(token: TypeToken): boolean {
  return token.kind !== 'punctuation';
}

function tokenText(token: TypeToken): string {
  if (token.kind === 'quoted') return quoteIdentifier(token.text);
  if (token.kind === 'word') return token.text.toUpperCase();
  return isPunctuation(token, ',') ? ', ' : token.text;
}
