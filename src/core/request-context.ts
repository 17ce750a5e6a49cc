import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { uuidv7 } from './ids.js';

export type PrincipalKind = 'user' | 'agent' | 'service' | 'system';

/** Who is acting. Every service call carries one; it is the journal's actor. */
export interface Principal {
  readonly id: string;
  readonly name: string;
  readonly kind: PrincipalKind;
  readonly roles: readonly string[];
  /** The API key the request authenticated with, if any. */
  readonly keyId?: string;
}

/** The transport a call came in through; recorded as the journal's `source`. */
export type Transport = 'http' | 'cli' | 'system' | 'pgwire' | 'mcp';

export interface RequestContext {
  readonly principal: Principal;
  readonly requestId: string;
  readonly source: Transport;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** Why the caller reads data, as they declare it (HTTP: X-Lakehouse-Purpose); audited. */
  readonly purpose?: string;
}

export const SYSTEM_PRINCIPAL: Principal = Object.freeze({
  id: 'system',
  name: 'system',
  kind: 'system',
  roles: Object.freeze(['admin']),
});

/** The operator running the CLI on the server's own data directory. */
export const CLI_OPERATOR: Principal = Object.freeze({
  id: 'cli-operator',
  name: 'local operator (CLI)',
  kind: 'system',
  roles: Object.freeze(['admin']),
});

/** The inbox watcher: ingests files an operator dropped into the inbox folder. */
export const INBOX_PRINCIPAL: Principal = Object.freeze({
  id: 'inbox-watcher',
  name: 'inbox watcher',
  kind: 'system',
  roles: Object.freeze(['admin']),
});

export function createContext(
  principal: Principal,
  source: Transport,
  options: { requestId?: string; clock?: Clock; signal?: AbortSignal; purpose?: string } = {},
): RequestContext {
  return {
    principal,
    source,
    requestId: options.requestId ?? uuidv7(),
    clock: options.clock ?? systemClock,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.purpose ? { purpose: options.purpose } : {}),
  };
}

export function systemContext(clock: Clock = systemClock): RequestContext {
  return createContext(SYSTEM_PRINCIPAL, 'system', { clock });
}

export function hasRole(principal: Principal, role: string): boolean {
  return principal.roles.includes(role);
}
