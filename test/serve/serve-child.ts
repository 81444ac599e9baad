import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreeLoopbackPort } from '../support/free-port.js';

/** The built CLI (`npm test` builds first; vitest alone needs `npm run build`). */
export const redsimMain = join(import.meta.dirname, '..', '..', 'dist', 'src', 'cli', 'main.js');

export interface ServeChild {
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process ended. */
  readonly exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after 5 s; resolves with how it ended. */
  stop(): Promise<number | string>;
}

export interface ServeChildOptions {
  /** More `--directive value` flags. */
  readonly extraArguments?: readonly string[];
  /** Replace the default flags entirely (for bad-flag tests); `{port}` is substituted. */
  readonly exactArguments?: readonly string[];
  /** Resolve when the process exits instead of waiting for "Ready to accept connections". */
  readonly expectExit?: boolean;
  readonly startTimeoutMs?: number;
  /** With a `logfile` nothing reaches stdout: readiness is read from this file instead. */
  readonly readyLogFile?: string;
}

/** Starts `node dist/src/cli/main.js serve` on a free loopback port and waits until it is ready. */
export async function startServeChild(options: ServeChildOptions = {}): Promise<ServeChild> {
  if (!existsSync(redsimMain)) throw new Error(`${redsimMain} is missing: run npm run build`);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await findFreeLoopbackPort();
    try {
      return await startOnPort(port, options);
    } catch (error) {
      lastError = error;
      if (options.expectExit === true) throw error;
    }
  }
  throw lastError;
}

/** Flags for the child; the default ones give it a fresh data directory (`dataDir`), removed when it exits. */
function serveArguments(port: number, options: ServeChildOptions, dataDir: string): string[] {
  if (options.exactArguments !== undefined) return options.exactArguments.map((argument) => argument.replace('{port}', String(port)));
  return ['--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dataDir, ...(options.extraArguments ?? [])];
}

function startOnPort(port: number, options: ServeChildOptions): Promise<ServeChild> {
  const dataDir = mkdtempSync(join(tmpdir(), 'redsim-serve-child-'));
  const child = spawn(process.execPath, [redsimMain, 'serve', ...serveArguments(port, options, dataDir)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: string[] = [];
  const output = (): string => chunks.join('');
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code ?? signal ?? 'unknown');
    }),
  );
  const handle: ServeChild = { port, child, output, exited, stop: () => stopChild(child, exited) };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`redsim serve did not get ready within ${options.startTimeoutMs ?? 15_000} ms:\n${output()}`));
    }, options.startTimeoutMs ?? 15_000);
    const readyPoll = setInterval(() => checkReady(), 25);
    const checkReady = (): void => {
      if (options.expectExit === true || !readinessText(output, options.readyLogFile).includes('Ready to accept connections')) return;
      clearTimeout(timer);
      clearInterval(readyPoll);
      resolve(handle);
    };
    const onChunk = (chunk: Buffer): void => {
      chunks.push(chunk.toString('utf8'));
      checkReady();
    };
    child.stdout.on('data', onChunk);
    child.stderr.on('data', onChunk);
    void exited.then(() => {
      clearTimeout(timer);
      clearInterval(readyPoll);
      if (options.expectExit === true) resolve(handle);
      else reject(new Error(`redsim serve exited before it was ready:\n${output()}`));
    });
  });
}

function readinessText(output: () => string, logFile: string | undefined): string {
  if (logFile === undefined) return output();
  return existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';
}

function stopChild(child: ChildProcess, exited: Promise<number | string>): Promise<number | string> {
  if (child.exitCode === null && child.signalCode === null) {
    const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
    void exited.then(() => clearTimeout(force));
    child.kill('SIGTERM');
  }
  return exited;
}
