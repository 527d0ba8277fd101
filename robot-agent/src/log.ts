import { pino } from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stderr, so stdout stays free for command output. */
export function createLogger(level: string, name = 'robot-agent'): Logger {
  return pino({ name, level }, pino.destination(2));
}
