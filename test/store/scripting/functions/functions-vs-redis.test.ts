import { describe, expect, it } from 'vitest';
import { useSideBySide } from '../../../support/side-by-side.js';

const both = useSideBySide();

/** functions.tcl's get_function_code: one library `lib` registering `fn` with `body`. */
function library(lib: string, fn: string, body: string, engine = 'LUA'): string {
  return `#!${engine} name=${lib}\nredis.register_function('${fn}', function(KEYS, ARGV)\n ${body} \nend)`;
}

/** The named-arguments form with flags. */
function flagged(lib: string, fn: string, body: string, flags: string): string {
  return `#!lua name=${lib}\nredis.register_function{function_name='${fn}', callback=function(KEYS, ARGV)\n ${body} \nend, flags={${flags}}}`;
}

async function fresh(): Promise<void> {
  await both.same(['FUNCTION', 'FLUSH']);
}

describe('FUNCTION and FCALL reply like redis-server 7.0.15', () => {
  it('loads a library, calls its function (any case) and lists it', async () => {
    await fresh();
    await both.script([
      ['FUNCTION', 'LOAD', library('test', 'test', "return 'hello'")],
      ['FCALL', 'test', '0'],
      ['FCALL', 'TEST', '0'],
      ['FUNCTION', 'LIST'],
      ['FUNCTION', 'LIST', 'WITHCODE'],
      ['FUNCTION', 'LIST', 'LIBRARYNAME', 'te*'],
      ['FUNCTION', 'LIST', 'LIBRARYNAME', 'x*'],
      ['FUNCTION', 'STATS'],
      ['FUNCTION', 'LOAD', 'REPLACE', library('test', 'test', "return 'hello1'")],
      ['FCALL', 'test', '0'],
      ['FUNCTION', 'LOAD', library('test', 'test', "return 'hello1'")],
      ['FUNCTION', 'DELETE', 'test'],
      ['FUNCTION', 'DELETE', 'test'],
      ['FCALL', 'test', '0'],
      ['FUNCTION', 'STATS'],
    ]);
  });

  it('refuses bad metadata, engines, names and code with the same errors', async () => {
    await fresh();
    await both.script([
      ['FUNCTION', 'LOAD', 'foo', 'bar', library('test', 'test', "return 'x'")],
      ['FUNCTION', 'LOAD', library('bad\0format', 'test', "return 'x'")],
      ['FUNCTION', 'LOAD', library('bad-name', 'test', "return 'x'")],
      ['FUNCTION', 'LOAD', library('test', 'test', "return 'x'", 'bad_engine')],
      ['FUNCTION', 'LOAD', library('test', 'test', 'bad script')],
      ['FUNCTION', 'LOAD', "#! name=test\nredis.register_function('foo', function() return 1 end)"],
      ['FUNCTION', 'LOAD', "#!lua name=test foo=bar\nredis.register_function('foo', function() return 1 end)"],
      ['FUNCTION', 'LOAD', "#!lua\nredis.register_function('foo', function() return 1 end)"],
      ['FUNCTION', 'LOAD', "#!lua name=foo name=bar\nredis.register_function('foo', function() return 1 end)"],
      ['FUNCTION', 'LOAD', '#!lua name="foo"\nredis.register_function(\'foo\', function() return 1 end)'],
      ['FUNCTION', 'LOAD', 'return 1'],
      ['FUNCTION', 'LOAD', '#!lua name=x'],
      ['FUNCTION', 'LOAD', '#!lua name=x\nreturn 1'],
      ['FUNCTION', 'LOAD', '#!lua name=x "\nreturn 1'],
      ['FUNCTION', 'LIST'],
    ]);
  });

  it('refuses bad registrations with the same errors and keeps the old library', async () => {
    await fresh();
    const registrations = [
      "redis.register_function('f1', function() return 1 end) redis.register_function('f2', 'not a function')",
      "redis.register_function('f1', function() return 1 end) redis.register_function('f1', function() return 1 end)",
      'redis.register_function()',
      "redis.register_function('f1')",
      "redis.register_function('f1', function() return 1 end, {}, 'description', 'extra arg')",
      'redis.register_function(nil, function() return 1 end)',
      "redis.register_function('test\\0test', function() return 1 end)",
      "redis.register_function('', function() return 1 end)",
      "redis.register_function{function_name=function() return 1 end, callback=function() return 'hello' end}",
      "redis.register_function{function_name='f1', callback='bad'}",
      "redis.register_function{function_name='f1', callback=function() return 1 end, description=function() return 1 end}",
      "redis.register_function{function_name='f1', callback=function() return 1 end, some_unknown='unknown'}",
      "redis.register_function{callback=function() return 1 end}",
      "redis.register_function{function_name='f1'}",
      "redis.register_function{function_name='f1', callback=function() return 1 end, flags='bad'}",
      "redis.register_function{function_name='f1', callback=function() return 1 end, flags={function() return 1 end}}",
      "redis.register_function{function_name='f1', callback=function() return 1 end, flags={'unknown'}}",
      "redis.register_function{[1]='f1'}",
      'return 1',
      'return math.random()',
      "return redis.call('ping')",
      'return redis.setresp(3)',
      'return redis.set_repl(redis.REPL_NONE)',
      'a = 1',
      'mt = getmetatable(_G)',
      'redis.math.random()',
      "error('load failed')",
      "error({err='CUSTOM at load'})",
      'local a = 1 while 1 do a = a + 1 end',
    ];
    await both.same(['FUNCTION', 'LOAD', "#!lua name=lib1\nredis.register_function('f1', function() return 2 end)"]);
    for (const code of registrations) await both.same(['FUNCTION', 'LOAD', 'REPLACE', `#!lua name=lib1\n${code}`]);
    await both.same(['FCALL', 'f1', '0']);
    await both.same(['FUNCTION', 'LOAD', "#!lua name=lib2\nredis.register_function('F1', function() return 1 end)"]);
    await both.same(['FUNCTION', 'STATS']);
  });

  it('runs functions with KEYS and ARGV, flags, errors and FCALL_RO as Redis does', async () => {
    await fresh();
    await both.script([
      ['FUNCTION', 'LOAD', library('kv', 'setit', 'return redis.call("set", KEYS[1], ARGV[1])')],
      ['FCALL', 'setit', '1', 'x', 'foo'],
      ['GET', 'x'],
      ['FCALL', 'setit', 'bad_arg'],
      ['FCALL', 'setit', '10', 'key1'],
      ['FCALL', 'setit', '-1', 'key1'],
      ['FCALL_RO', 'setit', '1', 'x', 'y'],
      ['FUNCTION', 'LOAD', flagged('ro', 'getit', "return redis.call('get', KEYS[1])", "'no-writes'")],
      ['FCALL_RO', 'getit', '1', 'x'],
      ['FCALL', 'getit', '1', 'x'],
      ['FUNCTION', 'LOAD', flagged('rw', 'writes', "return redis.call('set', 'x', '1')", "'no-writes', 'ALLOW-OOM'")],
      ['FCALL', 'writes', '0'],
      ['FUNCTION', 'LIST', 'LIBRARYNAME', 'rw'],
      ['FUNCTION', 'LOAD', library('errs', 'boom', "error('boom')")],
      ['FCALL', 'boom', '0'],
      ['FUNCTION', 'LOAD', library('errs2', 'nocall', 'return redis.nosuch()')],
      ['FCALL', 'nocall', '0'],
      ['FUNCTION', 'LOAD', library('errs3', 'tab', "return redis.error_reply('MY err')")],
      ['FCALL', 'tab', '0'],
      ['FUNCTION', 'LOAD', library('errs4', 'reg', "redis.register_function('f2', function() return 2 end) return 1")],
      ['FCALL', 'reg', '0'],
      ['FUNCTION', 'LOAD', library('errs5', 'glob', 'x = 1')],
      ['FCALL', 'glob', '0'],
      ['FUNCTION', 'LOAD', library('args', 'echo', 'return {KEYS[1], ARGV[1], #KEYS, #ARGV, type(KEYS)}')],
      ['FCALL', 'echo', '1', 'k', 'a', 'b'],
      ['FUNCTION', 'LOAD', "#!lua name=lib\nlocal function ping() return redis.call('ping') end\nredis.register_function('f1', function(keys, args) return ping() end)"],
      ['FCALL', 'f1', '0'],
      ['FUNCTION', 'LOAD', "#!lua name=ver\nlocal v = redis.REDIS_VERSION_NUM\nredis.register_function{function_name='v', callback=function() return {v, redis.REDIS_VERSION} end}"],
      ['FCALL', 'v', '0'],
      ['FUNCTION', 'LOAD', "#!lua name=mal\nlocal lib = redis\nlib.register_function('m1', function() lib.redis = redis return 1 end)\nlib.register_function('m2', function() lib.register_function('m3', function() return 1 end) end)"],
      ['FCALL', 'm1', '0'],
      ['FCALL', 'm2', '0'],
      ['FUNCTION', 'LOAD', "#!lua name=trick\nredis.register_function('t1', function() mt = getmetatable(_G) end)"],
      ['FCALL', 't1', '0'],
      ['FCALL', 'nosuch', '0'],
    ]);
  });

  it('replies to LIST and STATS in RESP3 with maps, sets and nulls', async () => {
    await fresh();
    await both.replies(['HELLO', '3']);
    await both.script([
      ['FUNCTION', 'LOAD', "#!lua name=lib3\nredis.register_function{function_name='f', callback=function() return 1 end, description='some desc', flags={'allow-stale', 'no-writes'}}"],
      ['FUNCTION', 'LIST'],
      ['FUNCTION', 'LIST', 'WITHCODE', 'LIBRARYNAME', 'LIB*'],
      ['FUNCTION', 'STATS'],
      ['FCALL', 'f', '0'],
    ]);
    await both.replies(['HELLO', '2']);
  });

  it('refuses bad LIST, FLUSH, RESTORE and subcommand arguments with the same errors', async () => {
    await fresh();
    await both.script([
      ['FUNCTION', 'LIST', 'bad_argument'],
      ['FUNCTION', 'LIST', 'libraryname'],
      ['FUNCTION', 'LIST', 'withcode', 'withcode'],
      ['FUNCTION', 'LIST', 'withcode', 'libraryname', 'foo', 'libraryname', 'foo'],
      ['FUNCTION', 'FLUSH', 'bad_arg'],
      ['FUNCTION', 'FLUSH', 'sync', 'extra_arg'],
      ['FUNCTION', 'FLUSH', 'ASYNC'],
      ['FUNCTION', 'RESTORE', 'arg1', 'args2', 'arg3'],
      ['FUNCTION', 'RESTORE', 'bad_payload'],
      ['FUNCTION', 'RESTORE', 'bad_payload', 'BAD'],
      ['FUNCTION', 'KILL'],
      ['FUNCTION', 'bad_subcommand'],
      ['FUNCTION'],
      ['FUNCTION', 'HELP'],
      ['FUNCTION', 'DELETE'],
      ['FCALL', 'x'],
    ]);
  });

  it('dumps the same payload bytes and restores it with FLUSH, APPEND and REPLACE', async () => {
    await fresh();
    const long = "#!lua name=test\nlocal function add1(a) return a + 1 end\nredis.register_function('f1', function(keys, args) return add1(1) end)\nredis.register_function('f2', function(keys, args) return add1(2) end)";
    await both.same(['FUNCTION', 'LOAD', long]);
    const dumped = await both.same(['FUNCTION', 'DUMP']);
    const payload = dumped.raw.toString('latin1').replace(/^\$\d+\r\n/, '').replace(/\r\n$/, '');
    await both.script([
      ['FUNCTION', 'RESTORE', payload],
      ['FUNCTION', 'RESTORE', payload, 'REPLACE'],
      ['FUNCTION', 'FLUSH'],
      ['FUNCTION', 'LOAD', library('other', 'f2', 'return 9')],
      ['FUNCTION', 'RESTORE', payload, 'REPLACE'],
      ['FUNCTION', 'RESTORE', payload, 'FLUSH'],
      ['FCALL', 'f2', '0'],
      ['FUNCTION', 'LIST'],
      ['FUNCTION', 'DELETE', 'test'],
      ['FUNCTION', 'LOAD', library('test', 'f9', 'return 9')],
      ['FUNCTION', 'RESTORE', payload, 'APPEND'],
      ['FUNCTION', 'RESTORE', payload, 'REPLACE'],
      ['FCALL', 'f1', '0'],
      ['FCALL', 'f9', '0'],
      ['FUNCTION', 'DELETE', 'other'],
      // One library: Redis orders several by its hash seed.
      ['FUNCTION', 'DUMP'],
    ]);
  });

  it('counts functions, libraries and their memory in INFO memory as Redis does', async () => {
    await fresh();
    const fields = ['number_of_functions', 'number_of_libraries', 'used_memory_functions'];
    const pick = (reply: { readonly raw: Buffer }): string[] => reply.raw.toString('latin1').split('\r\n').filter((line) => fields.some((field) => line.startsWith(`${field}:`)));
    const compare = async (): Promise<void> => {
      const { real, ours } = await both.replies(['INFO', 'memory']);
      expect(pick(ours)).toEqual(pick(real));
      expect(pick(ours)).toHaveLength(3);
    };
    await compare();
    await both.same(['FUNCTION', 'LOAD', "#!lua name=liba\nredis.register_function('f1', function() return 1 end)\nredis.register_function{function_name='f2', callback=function() return 2 end, description='the second'}"]);
    await compare();
    // Four functions at most: a fifth grows the dict and Redis's incremental rehash (not modelled) counts both tables for a while.
    await both.same(['FUNCTION', 'LOAD', `#!lua name=libb\n${Array.from({ length: 2 }, (_, index) => `redis.register_function('g${index}', function() return ${index} end)`).join('\n')}`]);
    await compare();
    await both.same(['FUNCTION', 'DELETE', 'liba']);
    await compare();
  });

  it('describes FUNCTION and FCALL in COMMAND INFO and COMMAND GETKEYS as Redis does', async () => {
    await both.script([
      ['COMMAND', 'INFO', 'fcall', 'fcall_ro'],
      ['COMMAND', 'INFO', 'function|load', 'function|flush', 'function|kill', 'function|stats', 'function|list'],
      ['COMMAND', 'GETKEYS', 'FCALL', 'test', '1', 'x', 'foo'],
      ['COMMAND', 'GETKEYS', 'FCALL_RO', 'test', '2', 'x', 'y', 'foo'],
    ]);
  });
});
