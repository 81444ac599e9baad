import { describe, expect, it } from 'vitest';
import { createManualEnv } from '../../../src/env/manual/manual-env.js';
import type { LogLevel } from '../../../src/env/env.js';
import { createStore } from '../../../src/store/embedded.js';
import { StoreNode } from '../../../src/store/server/node.js';
import type { ClientTransport } from '../../../src/store/server/client.js';
import { extractShebangFlags } from '../../../src/store/scripting/script-flags.js';
import { errorText } from '../../../src/store/scripting/script-errors.js';
import { truncatedToLongLong } from '../../../src/store/scripting/lua-to-reply.js';
import { sha1Hex } from '../../../src/store/scripting/script-sha1.js';

const text = (store: { command(argv: string[]): Buffer }, ...argv: string[]): string => store.command(argv).toString('latin1');

function transport(written: Buffer[]): ClientTransport {
  return { localAddress: 'a:1', remoteAddress: 'b:2', write: (data) => written.push(Buffer.from(data)), close: () => undefined, pendingBytes: () => 0 };
}

describe('script flags, errors and numbers', () => {
  it('parses shebang flags, keeping eval-compatible mode without a shebang', () => {
    expect(extractShebangFlags(Buffer.from('return 1'))).toMatchObject({ flags: { evalCompatible: true }, shebangLength: 0 });
    expect(extractShebangFlags(Buffer.from('#!lua flags=no-writes,allow-stale\nreturn 1'))).toMatchObject({
      flags: { evalCompatible: false, noWrites: true, allowStale: true, allowOom: false },
      shebangLength: 33,
    });
    expect(extractShebangFlags(Buffer.from('#!lua flags=\nreturn 1'))).toMatchObject({ flags: { evalCompatible: false, noWrites: false } });
    expect(extractShebangFlags(Buffer.from('#!lua flags=no-writes,x\n'))).toEqual({ error: 'Unexpected flag in script shebang: x' });
    expect(extractShebangFlags(Buffer.from('#!lua name=f\n'))).toEqual({ error: 'Unknown lua shebang option: name=f' });
    expect(extractShebangFlags(Buffer.from('#!js\n'))).toEqual({ error: 'Unexpected engine in script shebang: #!js' });
    expect(extractShebangFlags(Buffer.from('#!lua'))).toEqual({ error: 'Invalid script shebang' });
  });

  it('gives error tables Redis\'s code: a leading dash carries it, anything else is ERR', () => {
    expect(errorText('-WRONGTYPE Operation against a key\r\n')).toBe('WRONGTYPE Operation against a key');
    expect(errorText('-x')).toBe('ERR x');
    expect(errorText('plain message')).toBe('ERR plain message');
  });

  it('truncates numbers to 64-bit integers as C does, LLONG_MIN out of range', () => {
    expect(truncatedToLongLong(3.99)).toBe(3);
    expect(truncatedToLongLong(-3.99)).toBe(-3);
    expect(truncatedToLongLong(-0.5)).toBe(0);
    expect(truncatedToLongLong(2 ** 60)).toBe(BigInt(2 ** 60));
    expect(truncatedToLongLong(1e20)).toBe(-(2n ** 63n));
    expect(truncatedToLongLong(NaN)).toBe(-(2n ** 63n));
  });

  it('names scripts by the SHA1 of their bytes', () => {
    expect(sha1Hex('return 1')).toBe('e0e1f9fabfc9d4800c877a703b823ac0578ff8db');
    expect(sha1Hex(Buffer.from([0xff, 0x00]))).toBe(sha1Hex('\u00ff\u0000'));
  });
});

describe('SCRIPT and EVAL on the store', () => {
  it('counts cached scripts and their memory in INFO memory, and SCRIPT FLUSH empties the cache', () => {
    const store = createStore();
    const info = (): string => text(store, 'INFO', 'memory');
    const value = (name: string): number => Number(new RegExp(`${name}:(\\d+)`).exec(info())?.[1]);
    expect(value('number_of_cached_scripts')).toBe(0);
    text(store, 'SCRIPT', 'LOAD', 'return 1');
    text(store, 'EVAL', 'return 2', '0');
    expect(value('number_of_cached_scripts')).toBe(2);
    expect(value('used_memory_scripts_eval')).toBeGreaterThan(0);
    expect(value('used_memory_lua')).toBeGreaterThan(value('used_memory_scripts_eval'));
    text(store, 'SCRIPT', 'FLUSH');
    expect(value('number_of_cached_scripts')).toBe(0);
    expect(value('used_memory_scripts_eval')).toBe(0);
  });

  it('keeps FUNCTION FLUSH answering OK', () => {
    const store = createStore();
    expect(text(store, 'FUNCTION', 'FLUSH')).toBe('+OK\r\n');
    expect(text(store, 'FUNCTION', 'FLUSH', 'SYNC')).toBe('+OK\r\n');
  });

  it('makes a new Lua state on SCRIPT FLUSH: loaded scripts are gone, scripts still run', () => {
    const store = createStore();
    const sha = text(store, 'SCRIPT', 'LOAD', "return 'x'").split('\r\n')[1] as string;
    expect(text(store, 'EVALSHA', sha, '0')).toBe('$1\r\nx\r\n');
    text(store, 'SCRIPT', 'FLUSH');
    expect(text(store, 'EVALSHA', sha, '0')).toBe('-NOSCRIPT No matching script. Please use EVAL.\r\n');
    expect(text(store, 'EVAL', "return 'x'", '0')).toBe('$1\r\nx\r\n');
  });

  it('refuses writes from EVAL_RO and no-writes scripts, and write-flag scripts through EVAL_RO', () => {
    const store = createStore();
    expect(text(store, 'EVAL_RO', "return redis.call('set', 'k', 'v')", '0')).toMatch(/^-ERR Write commands are not allowed from read-only scripts\./);
    expect(text(store, 'EVAL', "#!lua flags=no-writes\nreturn redis.call('set', 'k', 'v')", '0')).toMatch(/^-ERR Write commands are not allowed from read-only scripts\./);
    expect(text(store, 'EVAL_RO', '#!lua\nreturn 1', '0')).toBe('-ERR Can not execute a script with write flag using *_ro command.\r\n');
    expect(text(store, 'EXISTS', 'k')).toBe(':0\r\n');
  });

  it('refuses a script\'s first write on a read-only replica, and write-flag scripts there', () => {
    const store = createStore();
    store.node.replicaOf = { host: 'nowhere', port: 1 };
    expect(text(store, 'EVAL', "return redis.pcall('set', 'k', 'v')", '0')).toBe("-READONLY You can't write against a read only replica.\r\n");
    expect(text(store, 'EVAL', '#!lua\nreturn 1', '0')).toBe('-READONLY Can not run script with write flag on readonly replica\r\n');
    expect(text(store, 'EVAL', "return redis.call('get', 'k')", '0')).toBe('$-1\r\n');
  });

  it('refuses deny-oom commands before the first write when over maxmemory, unless the script allows OOM', () => {
    const store = createStore({ config: { maxmemory: '1' } });
    expect(text(store, 'EVAL', "return redis.pcall('set', 'k', 'v')", '0')).toBe("-OOM command not allowed when used memory > 'maxmemory'.\r\n");
    expect(text(store, 'EVAL', '#!lua\nreturn 1', '0')).toBe("-OOM allow-oom flag is not set on the script, can not run it when used memory > 'maxmemory'\r\n");
    expect(text(store, 'EVAL', "#!lua flags=allow-oom\nreturn redis.call('set', 'k', 'v')", '0')).toBe('+OK\r\n');
  });

  it('runs a script sent by the master link to its end at once, whatever the threshold', () => {
    const env = createManualEnv({ seed: 3 });
    const node = new StoreNode({ env, config: { 'lua-time-limit': '1' } });
    const master = node.createClient(transport([]), { kind: 'master' });
    node.executeCommand(master, ['EVAL', "local i = 0 while i < 400000 do i = i + 1 end redis.call('set', 'done', i)", '0']);
    expect(node.database(0).peek(Buffer.from('done'))).toBeDefined();
  });

  it('logs redis.log lines at or above loglevel through the node\'s logger', () => {
    const lines: string[] = [];
    const env = createManualEnv({ seed: 3, log: (level: LogLevel, message: string) => lines.push(`${level} ${message}`) });
    const node = new StoreNode({ env });
    const written: Buffer[] = [];
    const client = node.createClient(transport(written));
    node.executeCommand(client, ['EVAL', "redis.log(redis.LOG_WARNING, 'warn', 1, {}, 2.5) redis.log(redis.LOG_DEBUG, 'hidden')", '0']);
    expect(lines).toContain('warning warn 1 2.5');
    expect(lines.some((line) => line.includes('hidden'))).toBe(false);
  });

  it('exposes only the allowed globals: print, dofile, loadfile and debug are gone', () => {
    const store = createStore();
    for (const name of ['print', 'dofile', 'loadfile', 'debug', 'os', 'io']) {
      expect(text(store, 'EVAL', `return ${name}`, '0')).toContain(`Script attempted to access nonexistent global variable '${name}'`);
    }
    expect(text(store, 'EVAL', "return {type(redis), type(string), type(table), type(math), type(cjson), type(pcall)}", '0'))
      .toBe('*6\r\n$5\r\ntable\r\n$5\r\ntable\r\n$5\r\ntable\r\n$5\r\ntable\r\n$5\r\ntable\r\n$8\r\nfunction\r\n');
  });

  it('locks the globals and library tables: writes raise "Attempt to modify a readonly table" and change nothing', () => {
    const store = createStore();
    const tricks = [
      'x = 1',
      '_G = {}',
      "redis = function() return 1 end",
      "redis.call = function() return 1 end",
      "cjson.encode = function() return 1 end",
      "string.upper = nil",
      "setmetatable(_G, {})",
      "local g = getmetatable(_G) g.__index = {}",
      "getmetatable('').__index = function() return 1 end",
      "rawset(_G, 'redis', 1)",
      "rawset(redis, 'call', 1)",
      'KEYS = {}',
    ];
    for (const trick of tricks) expect(text(store, 'EVAL', trick, '0'), trick).toMatch(/^-ERR (user_script:\d+: )?Attempt to modify a readonly table/);
    expect(text(store, 'EVAL', "return {redis.call('ping').ok, string.upper('a'), type(cjson.encode), KEYS[1]}", '1', 'k')).toBe('*4\r\n$4\r\nPONG\r\n$1\r\nA\r\n$8\r\nfunction\r\n$1\r\nk\r\n');
    expect(text(store, 'EVAL', 'local t = {} t.x = 1 setmetatable(t, {}) rawset(t, "y", 2) return t.x + t.y', '0')).toBe(':3\r\n');
  });
});
