import type { TypeToken } from './type-tokens.js';
import { TypeSyntaxError } from './type-tokens.js';

/** Reads type tokens front to back; every `expect…` throws TypeSyntaxError on a mismatch. */
export class TokenCursor {
  private position = 0;

  constructor(private readonly tokens: readonly TypeToken[]) {}

  peek(): TypeToken | undefined {
    return this.tokens[this.position];
  }

  next(): TypeToken {
    const token = this.peek();
    if (!token) throw new TypeSyntaxError('unexpected end of type');
    this.position += 1;
    return token;
  }

  /** Consumes `punctuation` if it comes next. */
  skip(punctuation: string): boolean {
    const token = this.peek();
    if (token?.kind !== 'punctuation' || token.text !== punctuation) return false;
    this.position += 1;
    return true;
  }

  expect(punctuation: string): void {
    if (!this.skip(punctuation)) throw new TypeSyntaxError(`expected ${punctuation}`);
  }

  expectNumber(): number {
    const token = this.next();
    if (token.kind !== 'number') throw new TypeSyntaxError(`expected a number, got ${token.text}`);
    return Number(token.text);
  }

  /** A run of bare words, for multi-word names such as `TIMESTAMP WITH TIME ZONE`. */
  expectWords(): string[] {
    const words: string[] = [];
    while (this.peek()?.kind === 'word') words.push(this.next().text);
    if (words.length === 0) throw new TypeSyntaxError('expected a type name');
    return words;
  }

  /** A struct field name: a bare word or a double-quoted identifier. */
  expectName(): string {
    const token = this.next();
    if (token.kind !== 'word' && token.kind !== 'quoted') {
      throw new TypeSyntaxError(`expected a field name, got ${token.text}`);
    }
    return token.text;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token) throw new TypeSyntaxError(`unexpected ${token.text}`);
  }
}
