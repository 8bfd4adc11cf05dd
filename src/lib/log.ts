import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON logs on stdout; `level` from LOG_LEVEL. Tests pass `silent`. */
export function createLogger(level: string): Logger {
  return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.epochTime });
}
