import { connect } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RespConnection } from '../support/resp-connection.js';
import { startRealRedis } from '../support/real-redis-server.js';
import { startServeChild } from './serve-child.js';

const scratch = mkdtempSync(join(tmpdir(), 'redsim-serve-process-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `pid:M dd Mon yyyy hh:mm:ss.mmm <mark> message`, as redis-server logs. */
const LOG_LINE = /^\d+:[CMS] \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d{3} [.\-*#] .+$/;

/** The first non-loopback IPv4 address of this machine, to connect "from outside". */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry !== undefined && entry.family === 'IPv4' && !entry.internal)?.address;

/** Connects from `localAddress` and returns everything the server sends until it closes (or 2 s pass). */
function receiveUntilClosed(host: string, port: number, send = 'PING\r\n'): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let text = '';
    socket.setTimeout(2000, () => socket.destroy());
    socket.on('connect', () => socket.write(send));
    socket.on('data', (chunk) => (text += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(text));
  });
}

describe('redsim serve as a process', () => {
  it('logs like redis-server: banner with version 7.0.15, port and pid, then Ready to accept connections', async () => {
    const server = await startServeChild();
    const lines = server.output().trim().split('\n');
    expect(lines.every((line) => LOG_LINE.test(line))).toBe(true);
    const pid = server.child.pid;
    expect(lines.some((line) => line.includes(`Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=${pid}, just started`))).toBe(true);
    expect(lines.some((line) => line.startsWith(`${pid}:M `) && line.endsWith(`* Running mode=standalone, port=${server.port}.`))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/\* Ready to accept connections$/);
    await server.stop();
  });

  it('exits 0 on SHUTDOWN, without a reply, logging the shutdown', async () => {
    const server = await startServeChild();
    const reply = await receiveUntilClosed('127.0.0.1', server.port, 'SHUTDOWN NOSAVE\r\n');
    expect(reply).toBe('');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/# Redis is now ready to exit, bye bye\.\.\.\n$/);
  });

  it('refuses bad SHUTDOWN arguments and SHUTDOWN inside MULTI, and keeps serving', async () => {
    const server = await startServeChild();
    const connection = await RespConnection.open(server.port);
    const replies = await connection.pipeline([['SHUTDOWN', 'SAVE', 'NOSAVE'], ['SHUTDOWN', 'ABORT'], ['MULTI'], ['SHUTDOWN'], ['DISCARD'], ['PING']]);
    expect(replies.map((reply) => reply.raw.toString('latin1').trim().slice(1))).toEqual([
      'ERR syntax error',
      'ERR No shutdown in progress.',
      'OK',
      'ERR Command not allowed inside a transaction',
      'OK',
      'PONG',
    ]);
    connection.close();
    await server.stop();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('shuts down cleanly on %s with exit code 0', async (signal) => {
    const server = await startServeChild();
    server.child.kill(signal);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain(`signal-handler (`);
    expect(server.output()).toContain(`Received ${signal} scheduling shutdown...`);
    expect(server.output()).toContain('Redis is now ready to exit, bye bye...');
  });

  it('exits 64 with a FATAL CONFIG error for a bad flag, a bad value or a bad config line', async () => {
    const badFlag = await startServeChild({ exactArguments: ['--port', '{port}', '--no-such-thing', 'x'], expectExit: true });
    expect(await badFlag.exited).toBe(64);
    expect(badFlag.output()).toContain('FATAL CONFIG FILE ERROR');
    expect(badFlag.output()).toContain('Bad directive or wrong number of arguments');
    const badValue = await startServeChild({ exactArguments: ['--port', '{port}', '--maxclients', 'lots'], expectExit: true });
    expect(await badValue.exited).toBe(64);
    expect(badValue.output()).toContain(">>> 'maxclients lots'");
    const configFile = join(scratch, 'bad.conf');
    writeFileSync(configFile, 'port 7000\nappendonly perhaps\n');
    const badFile = await startServeChild({ exactArguments: [configFile], expectExit: true });
    expect(await badFile.exited).toBe(64);
    expect(badFile.output()).toContain(`line 2 of ${configFile}`);
  });

  it('exits 64 when the data directory does not exist or is not a directory', async () => {
    const missing = await startServeChild({ exactArguments: ['--port', '{port}', '--dir', join(scratch, 'nope')], expectExit: true });
    expect(await missing.exited).toBe(64);
    expect(missing.output()).toMatch(/Can't use '.*nope' as the data directory: No such file or directory/);
    const file = join(scratch, 'file-not-dir');
    writeFileSync(file, '');
    const notDirectory = await startServeChild({ exactArguments: ['--port', '{port}', '--dir', file], expectExit: true });
    expect(await notDirectory.exited).toBe(64);
    expect(notDirectory.output()).toContain('Not a directory');
  });

  it('exits 1 like redis-server when the port is taken', async () => {
    const first = await startServeChild();
    const second = await startServeChild({ exactArguments: ['--port', String(first.port)], expectExit: true });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`Could not create server TCP listening socket 127.0.0.1:${first.port}: bind: Address already in use`);
    expect(second.output()).toContain(`Failed listening on port ${first.port} (TCP), aborting.`);
    await first.stop();
  });

  it('reads a config file, lets flags override it, writes the pidfile and logfile, and removes the pidfile on exit', async () => {
    const pidFile = join(scratch, 'redsim.pid');
    const logFile = join(scratch, 'redsim.log');
    const configFile = join(scratch, 'good.conf');
    writeFileSync(configFile, `maxclients 5\npidfile ${pidFile}\nlogfile ${logFile}\ndatabases 4\n`);
    const server = await startServeChild({ exactArguments: [configFile, '--port', '{port}', '--maxclients', '7', '--save', ''], readyLogFile: logFile });
    expect(readFileSync(pidFile, 'utf8').trim()).toBe(String(server.child.pid));
    const connection = await RespConnection.open(server.port);
    const replies = await connection.pipeline([['CONFIG', 'GET', 'maxclients'], ['CONFIG', 'GET', 'databases']]);
    expect(replies.map((reply) => reply.raw.toString('latin1'))).toEqual(['*2\r\n$10\r\nmaxclients\r\n$1\r\n7\r\n', '*2\r\n$9\r\ndatabases\r\n$1\r\n4\r\n']);
    expect(server.output()).toBe('');
    connection.close();
    await server.stop();
    expect(existsSync(pidFile)).toBe(false);
    expect(readFileSync(logFile, 'utf8')).toContain('Ready to accept connections');
  });

  it('requires AUTH when requirepass is set', async () => {
    const server = await startServeChild({ extraArguments: ['--requirepass', 's3cret'] });
    const connection = await RespConnection.open(server.port);
    const replies = await connection.pipeline([['GET', 'k'], ['AUTH', 'wrong'], ['AUTH', 's3cret'], ['SET', 'k', 'v'], ['GET', 'k']]);
    expect(replies.map((reply) => reply.raw.toString('latin1'))).toEqual([
      '-NOAUTH Authentication required.\r\n',
      '-WRONGPASS invalid username-password pair or user is disabled.\r\n',
      '+OK\r\n',
      '+OK\r\n',
      '$1\r\nv\r\n',
    ]);
    connection.close();
    await server.stop();
  });
});

describe.skipIf(externalAddress === undefined)('protected mode over a non-loopback address', () => {
  it('sends the DENIED error to a non-loopback client when no password is set, byte for byte as redis-server', async () => {
    const server = await startServeChild({ extraArguments: ['--bind', '0.0.0.0'] });
    const real = await startRealRedis({ extraArguments: ['--bind', '0.0.0.0'] });
    const ours = await receiveUntilClosed(externalAddress as string, server.port);
    const theirs = await receiveUntilClosed(externalAddress as string, real.port);
    expect(ours).toMatch(/^-DENIED Redis is running in protected mode/);
    expect(ours).toBe(theirs);
    expect(await receiveUntilClosed('127.0.0.1', server.port, 'PING\r\nQUIT\r\n')).toBe('+PONG\r\n+OK\r\n');
    await real.stop();
    await server.stop();
  });

  it('admits non-loopback clients once protected mode is off or a password is set', async () => {
    const server = await startServeChild({ extraArguments: ['--bind', '0.0.0.0'] });
    const local = await RespConnection.open(server.port);
    await local.command(['CONFIG', 'SET', 'protected-mode', 'no']);
    expect(await receiveUntilClosed(externalAddress as string, server.port, 'PING\r\nQUIT\r\n')).toBe('+PONG\r\n+OK\r\n');
    local.close();
    await server.stop();
    const withPassword = await startServeChild({ extraArguments: ['--bind', '0.0.0.0', '--requirepass', 'pw'] });
    expect(await receiveUntilClosed(externalAddress as string, withPassword.port, 'AUTH pw\r\nPING\r\nQUIT\r\n')).toBe('+OK\r\n+PONG\r\n+OK\r\n');
    await withPassword.stop();
  });
});
