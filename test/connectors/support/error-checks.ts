import { expect } from 'vitest';
import { AppError } from '../../../src/core/index.js';
import { secretForms } from '../../../src/connectors/index.js';

/** Runs `work`, expecting an AppError; returns it with how long the failure took. */
export async function failureOf(
  work: () => Promise<unknown>,
): Promise<{ error: AppError; ms: number }> {
  const started = performance.now();
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { error: error as AppError, ms: performance.now() - started };
  }
  throw new Error('expected the call to fail');
}

/** Every text an error carries: message, stack, details and, down the cause chain, the same. */
export function everyText(error: unknown, seen = new Set<unknown>()): string[] {
  if (error === null || error === undefined || seen.has(error)) return [];
  seen.add(error);
  if (!(error instanceof Error)) return [JSON.stringify(error) ?? String(error)];
  const own = Object.entries(error).map(([key, value]) => `${key}=${JSON.stringify(value) ?? ''}`);
  const inner =
    error instanceof AggregateError ? error.errors.flatMap((e: unknown) => everyText(e, seen)) : [];
  return [error.message, error.stack ?? '', ...own, ...everyText(error.cause, seen), ...inner];
}

/** The password appears in no form anywhere in the error. */
export function expectNoSecret(error: unknown, password: string): void {
  const texts = everyText(error).join('\n');
  for (const form of secretForms(password)) expect(texts).not.toContain(form);
}
