import { describe, expect, it } from 'vitest';
import { createStore } from '../../../../src/store/embedded.js';
import { rewriteAsCommands } from '../../../../src/store/persistence/aof/rewrite-commands.js';
import { databaseSources } from '../../../../src/store/persistence/dataset.js';
import { RespError } from '../../../../src/store/protocol/reply-decoder.js';
import { PORT, ReplicationWorld } from '../../replication/replication-world.js';

const READER = "#!lua name=test\nredis.register_function{function_name='test', callback=function() return 'hello' end, flags={'no-writes'}}";
const WRITER = "#!lua name=writer\nredis.register_function('w', function(keys) return redis.call('set', keys[1], 'x') end)";

function libraryNames(sim: ReplicationWorld, host: string): string[] {
  const list = sim.call(host, 'FUNCTION', 'LIST') as unknown[][];
  return list.map((library) => String(library[1])).sort();
}

describe('functions replicate as Redis replicates them', () => {
  it('a full sync carries the libraries, and LOAD, DELETE and FLUSH follow as themselves', () => {
    const sim = new ReplicationWorld({ seed: 7, hosts: 2 });
    expect(String(sim.call('n1', 'FUNCTION', 'LOAD', READER))).toBe('test');
    expect(sim.call('n2', 'REPLICAOF', 'n1', String(PORT))).toBe('OK');
    sim.runMs(500);
    expect(sim.info('n2').get('master_link_status')).toBe('up');
    expect(libraryNames(sim, 'n2')).toEqual(['test']);
    expect(String(sim.call('n2', 'FCALL', 'test', '0'))).toBe('hello');
    expect(String(sim.call('n1', 'FUNCTION', 'LOAD', WRITER))).toBe('writer');
    sim.runMs(50);
    expect(libraryNames(sim, 'n2')).toEqual(['test', 'writer']);
    expect(sim.call('n2', 'FCALL', 'w', '1', 'k')).toEqual(new RespError("READONLY You can't write against a read only replica."));
    expect(sim.call('n1', 'FCALL', 'w', '1', 'k')).toBe('OK');
    expect(sim.call('n1', 'FUNCTION', 'DELETE', 'writer')).toBe('OK');
    sim.runMs(50);
    expect(libraryNames(sim, 'n2')).toEqual(['test']);
    expect(String(sim.call('n1', 'FUNCTION', 'LOAD', 'REPLACE', WRITER))).toBe('writer');
    sim.runMs(50);
    expect(libraryNames(sim, 'n2')).toEqual(['test', 'writer']);
    expect(sim.call('n1', 'FUNCTION', 'FLUSH')).toBe('OK');
    sim.runMs(50);
    expect(libraryNames(sim, 'n2')).toEqual([]);
    expect(sim.digest('n2')).toBe(sim.digest('n1'));
  });
});

describe('function flags on a stale replica', () => {
  it('answers as redis-server 7.0.15 does: MASTERDOWN without allow-stale, READONLY for writing ones, stale commands refused inside', () => {
    const sim = new ReplicationWorld({ seed: 9, hosts: 1 });
    const library = [
      '#!lua name=test',
      "redis.register_function{function_name='f1', callback=function() return 'hello' end, flags={'no-writes'}}",
      "redis.register_function{function_name='f2', callback=function() return 'hello' end, flags={'allow-stale', 'no-writes'}}",
      "redis.register_function{function_name='f3', callback=function() return redis.call('get', 'x') end, flags={'allow-stale', 'no-writes'}}",
      "redis.register_function{function_name='f4', callback=function() return redis.call('info', 'server') end, flags={'allow-stale', 'no-writes'}}",
      "redis.register_function{function_name='f5', callback=function() return redis.call('set', 'x', 1) end, flags={'allow-stale'}}",
      "redis.register_function('f6', function() return 1 end)",
    ].join('\n');
    expect(String(sim.call('n1', 'FUNCTION', 'LOAD', library))).toBe('test');
    sim.call('n1', 'CONFIG', 'SET', 'replica-serve-stale-data', 'no');
    sim.call('n1', 'REPLICAOF', 'nowhere', '1');
    sim.runMs(50);
    expect(sim.call('n1', 'FCALL', 'f1', '0')).toEqual(new RespError("MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."));
    expect(String(sim.call('n1', 'FCALL', 'f2', '0'))).toBe('hello');
    expect(sim.call('n1', 'FCALL', 'f3', '0')).toEqual(new RespError('ERR Can not execute the command on a stale replica script: f3, on @user_function:4.'));
    expect(String(sim.call('n1', 'FCALL', 'f4', '0'))).toContain('redis_version');
    // A writing function is a write command to processCommand: the read-only replica refuses it first.
    expect(sim.call('n1', 'FCALL', 'f5', '0')).toEqual(new RespError("READONLY You can't write against a read only replica."));
    expect(sim.call('n1', 'FCALL', 'f6', '0')).toEqual(new RespError("READONLY You can't write against a read only replica."));
  });
});

describe('functions in the AOF', () => {
  it('propagates FUNCTION LOAD, DELETE, RESTORE and FLUSH as the commands themselves, and nothing for a refused one', () => {
    const store = createStore();
    const propagated: string[] = [];
    store.node.onPropagate((_db, argv) => propagated.push(argv.map((argument) => argument.toString('latin1')).join(' ').slice(0, 30)));
    store.call('FUNCTION', 'LOAD', READER);
    store.call('FUNCTION', 'LOAD', READER);
    const dump = store.call('FUNCTION', 'DUMP') as Buffer;
    store.call('FUNCTION', 'DELETE', 'test');
    store.call('FUNCTION', 'DELETE', 'test');
    store.call('FUNCTION', 'RESTORE', dump);
    store.call('FUNCTION', 'FLUSH', 'ASYNC');
    store.call('FCALL', 'test', '0');
    expect(propagated).toEqual([READER.slice(0, 16).replace(/^/, 'FUNCTION LOAD ').slice(0, 30), 'FUNCTION DELETE test', `FUNCTION RESTORE ${dump.toString('latin1')}`.slice(0, 30), 'FUNCTION FLUSH ASYNC']);
  });

  it('a rewrite without the RDB preamble starts with a FUNCTION LOAD per library (rewriteFunctions)', () => {
    const store = createStore();
    store.call('FUNCTION', 'LOAD', READER);
    store.call('SET', 'k', 'v');
    const rewritten = rewriteAsCommands(databaseSources(store.node)).toString('latin1');
    const load = `*3\r\n$8\r\nFUNCTION\r\n$4\r\nLOAD\r\n$${READER.length}\r\n${READER}\r\n`;
    expect(rewritten.startsWith(load)).toBe(true);
    expect(rewritten.slice(load.length)).toMatch(/^\*2\r\n\$6\r\nSELECT\r\n/);
  });

  it('DEBUG LOADAOF replays the libraries from the AOF in place of the current ones', () => {
    const store = createStore({ config: { appendonly: 'yes', 'enable-debug-command': 'yes' } });
    store.call('FUNCTION', 'LOAD', READER);
    store.call('FUNCTION', 'LOAD', WRITER);
    store.call('FUNCTION', 'DELETE', 'writer');
    expect(store.call('DEBUG', 'LOADAOF')).toBe('OK');
    expect(String(store.call('FCALL', 'test', '0'))).toBe('hello');
    expect(store.call('FCALL', 'w', '1', 'k')).toEqual(new RespError('ERR Function not found'));
  });
});
