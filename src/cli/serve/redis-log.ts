import { appendFileSync } from 'node:fs';
import type { LogLevel } from '../../env/env.js';

const LEVEL_MARKS: Readonly<Record<LogLevel, string>> = { debug: '.', verbose: '-', notice: '*', warning: '#' };
const LEVEL_ORDER: Readonly<Record<LogLevel, number>> = { debug: 0, verbose: 1, notice: 2, warning: 3 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** The role letter redis-server prints after the pid: C before init, M a master, S a replica. */
export type LogRole = 'C' | 'M' | 'S';

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** `24 Nov 2026 04:24:42.728` in local time, as serverLogRaw prints it. */
export function redisTimestamp(date: Date): string {
  const day = `${pad(date.getDate())} ${MONTHS[date.getMonth()] ?? '???'} ${date.getFullYear()}`;
  return `${day} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** One log line: `pid:M dd Mon yyyy hh:mm:ss.mmm * message`. */
export function formatLogLine(pid: number, role: LogRole, date: Date, level: LogLevel, message: string): string {
  return `${pid}:${role} ${redisTimestamp(date)} ${LEVEL_MARKS[level]} ${message}`;
}

export interface RedisLogOptions {
  readonly pid: number;
  /** The configured `loglevel`, read at each line (CONFIG SET loglevel applies at once). */
  readonly minimumLevel: () => LogLevel;
  /** `logfile`: '' logs to standard output, as redis-server does. */
  readonly logFile: string;
}

/** redis-server's log: level filter, Redis's line format, stdout or an appended file. */
export class RedisLog {
  role: LogRole = 'C';

  constructor(private readonly options: RedisLogOptions) {}

  log(level: LogLevel, message: string): void {
    if (LEVEL_ORDER[level] < LEVEL_ORDER[this.options.minimumLevel()]) return;
    this.writeLine(formatLogLine(this.options.pid, this.role, new Date(), level, message));
  }

  /** The signal handler's line: `pid:signal-handler (unixtime) message`. */
  logFromSignalHandler(message: string): void {
    this.writeLine(`${this.options.pid}:signal-handler (${Math.floor(Date.now() / 1000)}) ${message}`);
  }

  private writeLine(line: string): void {
    if (this.options.logFile === '') {
      process.stdout.write(`${line}\n`);
      return;
    }
    try {
      appendFileSync(this.options.logFile, `${line}\n`);
    } catch {
      // Redis drops a line it cannot write; the server goes on.
    }
  }
}

export function isLogLevel(text: string): text is LogLevel {
  return text === 'debug' || text === 'verbose' || text === 'notice' || text === 'warning';
}
