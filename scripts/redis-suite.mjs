#!/usr/bin/env node
// Runs Redis's own test suite (Debian's redis 7.0.15 source package) against
// `redsim serve`, one test file at a time, each against a fresh server on a
// free port, and compares the number of passed tests with the recorded
// baseline (scripts/redis-suite-baseline.json).
//
//   node scripts/redis-suite.mjs [--real] [--ignore-encoding] [--only unit/type/incr]
//                                [--timeout-seconds 600] [--record] [--verbose]
//                                [--tcl-arg ARG ...]
//
// --real runs the same files against /usr/bin/redis-server instead (to
// measure the reference figure); --record raises the baseline to this run's
// figure when it is higher; --tcl-arg passes an argument on to test_helper.tcl
// (diagnostics, e.g. `--tcl-arg --skiptest --tcl-arg /RESP3/`: such runs never
// record and are not compared with the baseline). Exit 0 when the total passed is at least the
// baseline, 1 when below, 2 when the suite could not be run at all.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vendorDir = join(root, '.vendor');
const suiteDir = join(vendorDir, 'redis-7.0.15');
const baselinePath = join(root, 'scripts', 'redis-suite-baseline.json');
const redsimMain = join(root, 'dist', 'src', 'cli', 'main.js');
const redisServer = process.env.REDSIM_REDIS_SERVER ?? '/usr/bin/redis-server';

export const UNITS = [
  'unit/type/string',
  'unit/type/incr',
  'unit/type/list',
  'unit/type/hash',
  'unit/type/set',
  'unit/type/zset',
  'unit/expire',
  'unit/keyspace',
  'unit/pubsub',
  'unit/multi',
  'unit/info-command',
  'unit/scan',
  'unit/type/stream',
  'unit/type/stream-cgroups',
  'unit/pause',
  'unit/functions',
  'unit/slowlog',
  'unit/hyperloglog',
  'unit/geo',
];

const SUITE_TAGS = ['--tags', '-needs:debug', '--tags', '-needs:repl', '--tags', '-needs:save'];

function parseOptions(argv) {
  const options = { real: false, ignoreEncoding: false, only: [], timeoutSeconds: 900, record: false, verbose: false, tclArgs: [] };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index];
    if (flag === '--real') options.real = true;
    else if (flag === '--ignore-encoding') options.ignoreEncoding = true;
    else if (flag === '--record') options.record = true;
    else if (flag === '--verbose') options.verbose = true;
    else if (flag === '--only') options.only.push(argv[++index]);
    else if (flag === '--timeout-seconds') options.timeoutSeconds = Number(argv[++index]);
    else if (flag === '--tcl-arg') options.tclArgs.push(argv[++index]);
    else {
      process.stderr.write(`redis-suite: unknown flag ${flag}\n`);
      process.exit(64);
    }
  }
  return options;
}

// ---------------------------------------------------------------- the source

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

function hasDebSrcLines() {
  const files = ['/etc/apt/sources.list'];
  const partsDir = '/etc/apt/sources.list.d';
  if (existsSync(partsDir)) files.push(...readdirSync(partsDir).map((name) => join(partsDir, name)));
  return files.some((file) => {
    if (!existsSync(file) || !/\.(list|sources)$/.test(file)) return false;
    const text = readFileSync(file, 'utf8');
    return /^\s*deb-src\s/m.test(text) || /^Types:.*\bdeb-src\b/m.test(text);
  });
}

/** Adds deb-src entries mirroring the deb ones of debian.sources (needs root), then refreshes the lists. */
function addDebSrcLines() {
  const debianSources = '/etc/apt/sources.list.d/debian.sources';
  if (!existsSync(debianSources)) throw new Error('no deb-src lines and no /etc/apt/sources.list.d/debian.sources to mirror: add a deb-src entry for Debian bookworm by hand');
  const text = readFileSync(debianSources, 'utf8').replace(/^Types:\s*deb\s*$/gm, 'Types: deb-src');
  writeFileSync('/etc/apt/sources.list.d/redsim-debian-src.sources', text);
  const update = run('apt-get', ['update', '-qq']);
  if (!update.ok) throw new Error(`apt-get update failed:\n${update.output}`);
}

/** apt-get source --download-only redis, then dpkg-source -x (Debian's patches applied) into .vendor/redis-7.0.15. */
function fetchSuite() {
  if (existsSync(join(suiteDir, 'tests', 'test_helper.tcl'))) return;
  const downloadDir = join(vendorDir, 'download');
  mkdirSync(downloadDir, { recursive: true });
  if (!hasDebSrcLines()) addDebSrcLines();
  process.stderr.write('redis-suite: fetching Debian source package redis (apt-get source --download-only redis)\n');
  const download = run('apt-get', ['source', '--download-only', 'redis'], { cwd: downloadDir });
  if (!download.ok) throw new Error(`apt-get source --download-only redis failed:\n${download.output}`);
  const dsc = readdirSync(downloadDir).find((name) => /^redis_7\.0\.15-.*\.dsc$/.test(name));
  if (dsc === undefined) throw new Error(`no redis_7.0.15 .dsc in ${downloadDir}: ${readdirSync(downloadDir).join(', ')}`);
  const unpacked = run('dpkg-source', ['--no-check', '-x', dsc, suiteDir], { cwd: downloadDir });
  if (unpacked.ok) return;
  const orig = join(downloadDir, 'redis_7.0.15.orig.tar.gz');
  mkdirSync(suiteDir, { recursive: true });
  const untarred = run('tar', ['-xzf', orig, '-C', suiteDir, '--strip-components=1']);
  if (!untarred.ok) throw new Error(`could not unpack the source:\n${unpacked.output}\n${untarred.output}`);
}

// ---------------------------------------------------------------- servers

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function answersPing(port) {
  return new Promise((resolveAnswer) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let text = '';
    const done = (answer) => {
      socket.destroy();
      resolveAnswer(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n')) done(text.startsWith('+PONG'));
    });
  });
}

const sleep = (ms) => new Promise((resolveSleep) => setTimeout(resolveSleep, ms));

async function startServer(real, port, dataDir) {
  const common = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--enable-debug-command', 'yes', '--dir', dataDir];
  const [command, args] = real ? [redisServer, [...common, '--daemonize', 'no']] : [process.execPath, [redsimMain, 'serve', ...common]];
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  const log = [];
  child.stdout.on('data', (chunk) => log.push(chunk.toString('utf8')));
  child.stderr.on('data', (chunk) => log.push(chunk.toString('utf8')));
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log.join('')}`);
    if (await answersPing(port)) return { child, log };
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer PING on ${port}:\n${log.join('')}`);
}

function stopServer(server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve(server.child.exitCode === null ? 'killed' : `exited ${server.child.exitCode}`);
  return new Promise((resolveStop) => {
    const force = setTimeout(() => server.child.kill('SIGKILL'), 5000);
    server.child.once('exit', () => {
      clearTimeout(force);
      resolveStop('running');
    });
    server.child.kill('SIGTERM');
  });
}

// ---------------------------------------------------------------- one file

const ANSI = /\x1b\[[0-9;]*m/g;

/** Counts test_helper.tcl's result lines: [ok], [err], [exception], [ignore]/[skip]. */
export function countResults(output) {
  const counts = { passed: 0, failed: 0, ignored: 0, exception: false, failures: [] };
  for (const rawLine of output.replace(ANSI, '').split('\n')) {
    const line = rawLine.trim();
    if (line.startsWith('[ok]:')) counts.passed++;
    else if (line.startsWith('[err]:')) {
      counts.failed++;
      counts.failures.push(line.slice(6).trim());
    } else if (line.startsWith('[exception]:')) {
      counts.exception = true;
      counts.failures.push(line);
    } else if (line.startsWith('[ignore]:') || line.startsWith('[skip]:')) counts.ignored++;
  }
  return counts;
}

function runTestFile(unit, port, options) {
  const args = ['tests/test_helper.tcl', '--host', '127.0.0.1', '--port', String(port), '--singledb', ...SUITE_TAGS, '--clients', '1', '--single', unit];
  if (options.ignoreEncoding) args.push('--ignore-encoding');
  args.push(...options.tclArgs);
  return new Promise((resolveRun) => {
    const child = spawn('tclsh', args, { cwd: suiteDir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const chunks = [];
    child.stdout.on('data', (chunk) => {
      chunks.push(chunk);
      if (options.verbose) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => chunks.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid, 'SIGKILL');
    }, options.timeoutSeconds * 1000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveRun({ output: Buffer.concat(chunks).toString('utf8'), timedOut });
    });
  });
}

async function runUnit(unit, options) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'redsim-suite-'));
  const server = await startServer(options.real, port, dataDir);
  const started = Date.now();
  const { output, timedOut } = await runTestFile(unit, port, options);
  const serverState = await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
  const counts = countResults(output);
  return { unit, ...counts, timedOut, serverCrashed: serverState !== 'running', seconds: Math.round((Date.now() - started) / 1000), output, serverLog: server.log.join('') };
}

// ---------------------------------------------------------------- report

function readBaseline() {
  if (!existsSync(baselinePath)) return { redsimPassedMin: 0 };
  return JSON.parse(readFileSync(baselinePath, 'utf8'));
}

function printTable(results) {
  const rows = results.map((result) => {
    const notes = [result.exception ? 'exception' : '', result.timedOut ? 'timeout' : '', result.serverCrashed ? 'server died' : ''].filter(Boolean).join(', ');
    return `${result.unit.padEnd(22)} ${String(result.passed).padStart(6)} ${String(result.failed).padStart(6)} ${String(result.ignored).padStart(7)} ${String(result.seconds).padStart(5)}s  ${notes}`;
  });
  process.stdout.write(`${'file'.padEnd(22)} ${'passed'.padStart(6)} ${'failed'.padStart(6)} ${'ignored'.padStart(7)} ${'time'.padStart(6)}\n${rows.join('\n')}\n`);
}

function writeLogs(results, label) {
  const logDir = join(vendorDir, 'suite-logs', label);
  mkdirSync(logDir, { recursive: true });
  for (const result of results) {
    const name = result.unit.replaceAll('/', '_');
    writeFileSync(join(logDir, `${name}.txt`), result.output);
    writeFileSync(join(logDir, `${name}.server.txt`), result.serverLog);
  }
  return logDir;
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  if (spawnSync('tclsh', [], { input: 'exit 0\n' }).error !== undefined) {
    process.stderr.write('redis-suite: tclsh not found (apt-get install tcl)\n');
    process.exit(2);
  }
  if (!options.real && !existsSync(redsimMain)) {
    process.stderr.write('redis-suite: dist/src/cli/main.js missing: run npm run build first\n');
    process.exit(2);
  }
  try {
    fetchSuite();
  } catch (error) {
    process.stderr.write(`redis-suite: ${error.message}\n`);
    process.exit(2);
  }
  const units = options.only.length > 0 ? options.only : UNITS;
  const label = options.real ? 'redis-server' : 'redsim';
  process.stdout.write(`redis-suite: ${units.length} files against ${label}${options.ignoreEncoding ? ' (--ignore-encoding)' : ''}\n`);
  const results = [];
  for (const unit of units) {
    const result = await runUnit(unit, options);
    results.push(result);
    process.stdout.write(`  ${unit}: ${result.passed} passed, ${result.failed} failed${result.exception ? ', exception' : ''}${result.timedOut ? ', timeout' : ''}\n`);
  }
  printTable(results);
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  process.stdout.write(`total: ${passed} passed, ${failed} failed (logs in ${writeLogs(results, label)})\n`);
  for (const result of results) for (const failure of result.failures) process.stdout.write(`  FAIL ${result.unit}: ${failure.split('\n')[0]}\n`);
  finish(options, passed, results);
}

function finish(options, passed, results) {
  const baseline = readBaseline();
  if (options.real) {
    process.stdout.write(`redis-server reference: ${passed} passed (recorded: ${baseline.realRedisPassed ?? 'none'})\n`);
    if (options.record && options.only.length === 0 && options.tclArgs.length === 0) writeFileSync(baselinePath, `${JSON.stringify({ ...baseline, realRedisPassed: passed, realRedisIgnoreEncoding: options.ignoreEncoding }, null, 2)}\n`);
    return;
  }
  const minimum = baseline.redsimPassedMin ?? 0;
  if (options.only.length > 0 || options.tclArgs.length > 0) return;
  if (passed < minimum) {
    process.stdout.write(`redis-suite: ${passed} passed is below the baseline ${minimum}\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(`redis-suite: ${passed} passed (baseline ${minimum})\n`);
  if (options.record && passed > minimum) {
    const perFile = Object.fromEntries(results.map((result) => [result.unit, result.passed]));
    writeFileSync(baselinePath, `${JSON.stringify({ ...baseline, redsimPassedMin: passed, redsimPerFile: perFile }, null, 2)}\n`);
    process.stdout.write(`redis-suite: baseline raised to ${passed}\n`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
