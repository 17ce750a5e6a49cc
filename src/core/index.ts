/** Core: configuration, errors, ids, clock and the request context every service takes. */
export * from './config.js';
export * from './errors.js';
export * from './ids.js';
export * from './clock.js';
export * from './byte-size.js';
export * from './request-context.js';
export * from './authorize.js';
export * from './duration.js';
export * from './logger.js';
export * from './fault-injection.js';
export { hasControlCharacters, withoutControlCharacters } from './text.js';
export { syncDirectory } from './sync-directory.js';
