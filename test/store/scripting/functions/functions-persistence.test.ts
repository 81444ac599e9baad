import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../../src/store/embedded.js';
import { loadRdbInto, parseRdb, rdbBytesOf } from '../../persistence/support/rdb-helpers.js';
import { runTool, startRedisOn, temporaryDirectory, textOf } from '../../persistence/support/real-redis-files.js';

const directory = temporaryDirectory('redsim-functions-');
afterAll(() => directory.remove());

const LIBRARY_A = "#!lua name=liba\nlocal function add(a, b) return a + b end\nredis.register_function('adda', function(keys, args) return add(tonumber(args[1]), 1) end)\nredis.register_function{function_name='geta', callback=function(keys) return redis.call('get', keys[1]) end, flags={'no-writes'}, description='reads'}";
const LIBRARY_B = "#!lua name=libb\nredis.register_function('b', function() return 'bee' end)";

function text(store: Store, ...argv: string[]): string {
  return store.command(argv).toString('latin1');
}

function storeWithLibraries(): Store {
  const store = createStore({ startEpochMs: Date.now(), config: { 'enable-debug-command': 'yes' } });
  expect(text(store, 'FUNCTION', 'LOAD', LIBRARY_A)).toBe('$4\r\nliba\r\n');
  expect(text(store, 'FUNCTION', 'LOAD', LIBRARY_B)).toBe('$4\r\nlibb\r\n');
  text(store, 'SET', 'k', 'v');
  return store;
}

describe('functions in the RDB (RDB_OPCODE_FUNCTION2 before the keys)', () => {
  it('round-trips through our writer and loader: same libraries, callable', () => {
    const source = storeWithLibraries();
    const bytes = rdbBytesOf(source.node);
    expect(parseRdb(source.node, bytes).databases.functionLibraries?.map((code) => code.toString('latin1'))).toEqual([LIBRARY_A, LIBRARY_B]);
    const target = createStore({ startEpochMs: Date.now() });
    text(target, 'FUNCTION', 'LOAD', "#!lua name=stale\nredis.register_function('stale', function() return 1 end)");
    loadRdbInto(target.node, bytes);
    expect(text(target, 'FUNCTION', 'LIST', 'WITHCODE')).toBe(text(source, 'FUNCTION', 'LIST', 'WITHCODE'));
    expect(text(target, 'FCALL', 'adda', '0', '41')).toBe(':42\r\n');
    expect(text(target, 'FCALL_RO', 'geta', '1', 'k')).toBe('$1\r\nv\r\n');
    expect(text(target, 'FCALL', 'stale', '0')).toBe('-ERR Function not found\r\n');
  });

  it('keeps functions across DEBUG RELOAD, and FLUSHALL leaves them', () => {
    const store = storeWithLibraries();
    expect(text(store, 'DEBUG', 'RELOAD')).toBe('+OK\r\n');
    expect(text(store, 'FCALL', 'b', '0')).toBe('$3\r\nbee\r\n');
    expect(text(store, 'FLUSHALL')).toBe('+OK\r\n');
    expect(text(store, 'FUNCTION', 'STATS')).toContain('libraries_count\r\n:2\r\n$15\r\nfunctions_count\r\n:3\r\n');
  });

  it('DEBUG RELOAD NOFLUSH fails on a library that exists, NOFLUSH MERGE replaces it, NOSAVE NOFLUSH MERGE adds what the file has', () => {
    const store = storeWithLibraries();
    expect(text(store, 'DEBUG', 'RELOAD', 'NOFLUSH')).toBe('-ERR Error trying to load the RDB dump\r\n');
    expect(text(store, 'DEBUG', 'RELOAD', 'NOFLUSH', 'MERGE')).toBe('+OK\r\n');
    expect(text(store, 'FUNCTION', 'DELETE', 'libb')).toBe('+OK\r\n');
    expect(text(store, 'DEBUG', 'RELOAD')).toBe('+OK\r\n');
    text(store, 'FUNCTION', 'LOAD', LIBRARY_B);
    expect(text(store, 'DEBUG', 'RELOAD', 'NOSAVE', 'NOFLUSH', 'MERGE')).toBe('+OK\r\n');
    expect(text(store, 'FCALL', 'b', '0')).toBe('$3\r\nbee\r\n');
    expect(text(store, 'FCALL', 'adda', '0', '1')).toBe(':2\r\n');
    expect(text(store, 'DEBUG', 'RELOAD', 'LATER')).toBe('-ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.\r\n');
  });

  it('redis-check-rdb accepts our file and a real redis-server loads its functions', async () => {
    const store = storeWithLibraries();
    writeFileSync(join(directory.path, 'ours.rdb'), rdbBytesOf(store.node));
    const check = runTool('redis-check-rdb', [join(directory.path, 'ours.rdb')]);
    expect(check.output).toContain('RDB looks OK');
    const server = await startRedisOn(directory.path, ['--dbfilename', 'ours.rdb']);
    try {
      const connection = await server.connect();
      expect(await textOf(connection, ['FCALL', 'adda', '0', '1'])).toBe('2');
      expect(await textOf(connection, ['FCALL', 'b', '0'])).toBe('bee');
      expect(await textOf(connection, ['FCALL_RO', 'geta', '1', 'k'])).toBe('v');
      // libb has one function: Redis orders a library's functions by its hash seed.
      const list = ['FUNCTION', 'LIST', 'LIBRARYNAME', 'libb', 'WITHCODE'];
      expect((await connection.command(list)).raw.toString('latin1')).toBe(text(store, ...list));
      connection.close();
    } finally {
      await server.stop();
    }
  });

  it('our loader reads the functions a real redis-server saves, and both then DUMP the same bytes', async () => {
    const server = await startRedisOn(directory.path, ['--dbfilename', 'theirs.rdb']);
    let theirDump: Buffer;
    try {
      const connection = await server.connect();
      await connection.command(['FUNCTION', 'LOAD', LIBRARY_A]);
      await connection.command(['SET', 'k', 'v']);
      const dumped = await connection.command(['FUNCTION', 'DUMP']);
      theirDump = dumped.kind === 'bulk' && dumped.value !== null ? dumped.value : Buffer.alloc(0);
      expect(await textOf(connection, ['SAVE'])).toBe('OK');
      connection.close();
    } finally {
      await server.stop();
    }
    const target = createStore({ startEpochMs: Date.now() });
    loadRdbInto(target.node, readFileSync(join(directory.path, 'theirs.rdb')));
    expect(text(target, 'FCALL_RO', 'geta', '1', 'k')).toBe('$1\r\nv\r\n');
    const ours = target.command(['FUNCTION', 'DUMP']);
    expect(ours.subarray(ours.indexOf('\r\n') + 2, ours.length - 2).equals(theirDump)).toBe(true);
  });
});

