import { pino } from 'pino';

export type Logger = pino.Logger;

/** Structured JSON logs on stderr, so stdout stays free for command output (e.g. `robots enroll --json`). */
export function createLogger(level: string, name = 'teleop-hub'): Logger {
  return pino({ name, level }, pino.destination(2));
}
