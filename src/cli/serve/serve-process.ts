import { unlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { Prng } from '../../core/prng.js';
import type { Env } from '../../env/env.js';
import { RealClock } from '../../env/real/real-clock.js';
import { RealFileSystem } from '../../env/real/real-filesystem.js';
import { RealTimers } from '../../env/real/real-timers.js';
import { replicationOf } from '../../store/replication/replication.js';
import { StoreNode } from '../../store/server/node.js';
import { isDeniedByProtectedMode, PROTECTED_MODE_DENIAL } from './protected-mode.js';
import { isLogLevel, RedisLog } from './redis-log.js';
import { parseBindAddresses, ServeNetwork } from './serve-network.js';
import type { ResolvedConfig } from './resolve-config.js';
import { listenFailureLines, listenFailureReason, startingLines } from './startup-lines.js';

export interface ServeOptions {
  readonly config: ResolvedConfig;
  readonly redsimVersion: string;
  /** Ends the process (default process.exit); tests pass their own. */
  readonly exit?: (code: number) => void;
}

/** A running `redsim serve`. */
export interface ServeProcess {
  readonly node: StoreNode;
  readonly log: RedisLog;
  /** What SIGTERM and SIGINT do: SHUTDOWN as the config says (final save if save points are set). */
  shutdownAsSignalled(): void;
}

interface Wiring {
  node: StoreNode | undefined;
  exiting: boolean;
}

/**
 * One store node over the real world: the wall clock, Node timers, node:fs
 * under `dir`, node:net on every `bind` address (with protected mode),
 * redis-server's log lines, and the signals. The node loads its data from
 * `dir` while it is built (a bad RDB/AOF makes it exit 1, as redis-server);
 * SHUTDOWN is the store's own command, which ends by calling `env.exit`.
 * Resolves once the node listens (or exits with code 1 when it cannot).
 */
export async function startServeProcess(options: ServeOptions): Promise<ServeProcess | undefined> {
  const settings = options.config.options;
  const wiring: Wiring = { node: undefined, exiting: false };
  const log = new RedisLog({ pid: process.pid, logFile: settings['logfile'] ?? '', minimumLevel: () => currentLogLevel(wiring.node, settings) });
  const exit = (code: number): void => finishProcess(wiring, code, options.exit ?? ((exitCode: number) => process.exit(exitCode)));
  for (const line of startingLines(process.pid, options.redsimVersion)) log.log('warning', line);
  log.log('warning', 'Configuration loaded');
  for (const warning of options.config.warnings) log.log('warning', warning);
  const network = new ServeNetwork(parseBindAddresses(settings['bind'] ?? '127.0.0.1 -::1'), (remoteAddress) => admissionOf(wiring.node, remoteAddress));
  const env = realServeEnv(settings['dir'] ?? process.cwd(), network, log, exit);
  log.role = (settings['replicaof'] ?? '') === '' ? 'M' : 'S';
  const port = Number(settings['port'] ?? '6379');
  if (port === 0) {
    log.log('warning', 'Configured to not listen anywhere, exiting.');
    exit(1);
    return undefined;
  }
  log.log('notice', `Running mode=standalone, port=${port}.`);
  log.log('warning', 'Server initialized');
  const node = new StoreNode({ env, config: settings });
  wiring.node = node;
  if (wiring.exiting) return undefined;
  // Installs replication now, so `replicaof` from the config starts the master link and INFO/ROLE answer from the start.
  replicationOf(node);
  if (!(await listenOrFail(node, network, log, port))) {
    exit(1);
    return undefined;
  }
  writePidFile(node);
  const shutdownAsSignalled = (): void => shutDownOnSignal(wiring, log);
  installSignalHandlers(log, shutdownAsSignalled);
  log.log('notice', 'Ready to accept connections');
  return { node, log, shutdownAsSignalled };
}

function currentLogLevel(node: StoreNode | undefined, settings: Readonly<Record<string, string>>): 'debug' | 'verbose' | 'notice' | 'warning' {
  const level = node?.config.get('loglevel') ?? settings['loglevel'] ?? 'notice';
  return isLogLevel(level) ? level : 'notice';
}

/** clientAcceptHandler's protected-mode check, against the live config (CONFIG SET protected-mode applies at once). */
function admissionOf(node: StoreNode | undefined, remoteAddress: string): string | undefined {
  if (node === undefined) return undefined;
  const denied = isDeniedByProtectedMode({ protectedMode: node.config.flag('protected-mode'), password: node.config.get('requirepass') }, remoteAddress);
  if (!denied) return undefined;
  node.stats.rejectedConnections++;
  return PROTECTED_MODE_DENIAL;
}

function realServeEnv(dir: string, network: ServeNetwork, log: RedisLog, exit: (code: number) => void): Env {
  return {
    hostName: os.hostname(),
    clock: new RealClock(),
    timers: new RealTimers(),
    fs: new RealFileSystem(dir),
    net: network,
    rng: Prng.root((Date.now() ^ (process.pid << 8)) >>> 0),
    pid: process.pid,
    log: (level, message) => log.log(level, message),
    exit,
  };
}

async function listenOrFail(node: StoreNode, network: ServeNetwork, log: RedisLog, port: number): Promise<boolean> {
  const startError = node.start();
  if (startError !== undefined) {
    for (const line of listenFailureLines('*', port, listenFailureReason(startError.message))) log.log('warning', line);
    return false;
  }
  const failures = await network.whenSettled();
  const fatal = failures.filter((failure) => !failure.bind.optional);
  for (const failure of failures) {
    const lines = listenFailureLines(failure.bind.address, port, listenFailureReason(failure.error.message));
    log.log('warning', failure.bind.optional ? `${lines[0] ?? ''} (optional address, skipped)` : (lines[0] ?? ''));
  }
  if (fatal.length === 0 && failures.length < parseBindAddresses(node.config.get('bind')).length) return true;
  log.log('warning', listenFailureLines('*', port, '')[1] ?? '');
  node.stop();
  return false;
}

function writePidFile(node: StoreNode): void {
  const pidFile = node.config.get('pidfile');
  if (pidFile === '') return;
  try {
    writeFileSync(pidFile, `${process.pid}\n`);
  } catch (error: unknown) {
    node.env.log('warning', `Failed to write PID file: ${String((error as Error).message)}`);
  }
}

function removePidFile(node: StoreNode | undefined): void {
  const pidFile = node?.config.get('pidfile') ?? '';
  if (pidFile === '') return;
  try {
    unlinkSync(pidFile);
  } catch {
    // already gone
  }
}

/** env.exit: the store asked to end the process (SHUTDOWN, a fatal persistence error). Let the current event finish first. */
function finishProcess(wiring: Wiring, code: number, exit: (code: number) => void): void {
  if (wiring.exiting) return;
  wiring.exiting = true;
  removePidFile(wiring.node);
  setImmediate(() => exit(code));
}

/** A no-op socket for the internal client that runs SHUTDOWN on a signal. */
const SIGNAL_TRANSPORT = { localAddress: 'signal:0', remoteAddress: 'signal:0', write: () => undefined, close: () => undefined, pendingBytes: () => 0 };

/** SIGTERM/SIGINT: prepareForShutdown without flags, i.e. the store's SHUTDOWN with no arguments. */
function shutDownOnSignal(wiring: Wiring, log: RedisLog): void {
  const node = wiring.node;
  if (node === undefined || wiring.exiting) return;
  log.log('warning', 'User requested shutdown...');
  node.executeCommand(node.createClient(SIGNAL_TRANSPORT, { kind: 'loader' }), ['SHUTDOWN']);
  if (!wiring.exiting) log.log('warning', 'Errors trying to shut down the server. Check the logs for more information.');
}

function installSignalHandlers(log: RedisLog, shutdown: () => void): void {
  let received = 0;
  const onSignal = (name: 'SIGTERM' | 'SIGINT'): void => {
    received++;
    if (received > 1 && name === 'SIGINT') {
      log.logFromSignalHandler('You insist... exiting now.');
      process.exit(1);
    }
    log.logFromSignalHandler(`Received ${name} scheduling shutdown...`);
    setImmediate(shutdown);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}
