import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.js';

/** JSON logs. Credentials never reach a log line: headers and known secret fields are redacted. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'lakehouse' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'req.headers["x-lakehouse-legal-token"]',
          '*.password',
          '*.key',
          '*.adminKey',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

export type { Logger };
