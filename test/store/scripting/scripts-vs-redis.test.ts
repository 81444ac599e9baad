import { describe, it } from 'vitest';
import { useSideBySide } from '../../support/side-by-side.js';

const both = useSideBySide();

/** Scripts whose replies must match redis-server 7.0.15 byte for byte (numkeys 0 unless given). */
const CONVERSIONS: readonly (readonly string[])[] = [
  ['EVAL', "return 'hello'", '0'],
  ['EVAL', 'return 42', '0'],
  ['EVAL', 'return 3.99', '0'],
  ['EVAL', 'return -3.99', '0'],
  ['EVAL', 'return 1e20', '0'],
  ['EVAL', 'return 0/0', '0'],
  ['EVAL', 'return true', '0'],
  ['EVAL', 'return false', '0'],
  ['EVAL', 'return nil', '0'],
  ['EVAL', 'return {}', '0'],
  ['EVAL', 'return {1,2,3,"ciao",{1,2}}', '0'],
  ['EVAL', 'return {1,2,nil,4}', '0'],
  ['EVAL', 'return {1,false,3}', '0'],
  ['EVAL', "return {ok='fine'}", '0'],
  ['EVAL', "return {err='My Error'}", '0'],
  ['EVAL', "return {err='x'}", '0'],
  ['EVAL', "return redis.status_reply('a\\r\\nb')", '0'],
  ['EVAL', "return redis.error_reply('My Error')", '0'],
  ['EVAL', "return redis.error_reply('-WRONG code')", '0'],
  ['EVAL', "return redis.error_reply('x')", '0'],
  ['EVAL', 'return redis.error_reply(1)', '0'],
  ['EVAL', "return {KEYS[1], KEYS[2], ARGV[1], ARGV[2]}", '2', 'k1', 'k2', 'a1', 'a2'],
  ['EVAL', 'return #ARGV', '0', 'a', 'b', 'c'],
  ['EVAL', "return redis.call('set', KEYS[1], ARGV[1])", '1', 'k', 'v'],
  ['EVAL', "return redis.call('get', KEYS[1])", '1', 'k'],
  ['EVAL', "return redis.call('get', 'missing')", '0'],
  ['EVAL', "local v = redis.call('get', 'missing') return type(v)", '0'],
  ['EVAL', "return redis.call('incr', 'counter')", '0'],
  ['EVAL', "redis.call('rpush', 'list', 'a', 'b', 'c') return redis.call('lrange', 'list', 0, -1)", '0'],
  ['EVAL', "return redis.call('lpop', 'nolist', 2)", '0'],
  ['EVAL', "local r = redis.call('ping') return type(r) .. ':' .. r.ok", '0'],
  ['EVAL', "return redis.call('ping')", '0'],
  ['EVAL', "return redis.pcall('incr', 'k')", '0'],
  ['EVAL', "local r = redis.pcall('incr', 'k') return r.err", '0'],
  ['EVAL', "return redis.call('set', 'n', 3.5)", '0'],
  ['EVAL', "redis.call('set', 'n', 0.1) return redis.call('get', 'n')", '0'],
  ['EVAL', "return redis.call('hset', 'h', 'f', 1, 'g', 2)", '0'],
  ['EVAL', "return redis.call('zadd', 'z', 1.5, 'a')", '0'],
  ['EVAL', "return redis.call('zscore', 'z', 'a')", '0'],
  ['EVAL', 'return redis.sha1hex("")', '0'],
  ['EVAL', 'return redis.sha1hex("Pizza & Mandolino")', '0'],
  ['EVAL', 'return redis.sha1hex(12)', '0'],
  ['EVAL', 'return redis.REDIS_VERSION', '0'],
  ['EVAL', 'return redis.REDIS_VERSION_NUM', '0'],
  ['EVAL', 'return redis.replicate_commands()', '0'],
  ['EVAL', 'return redis.breakpoint()', '0'],
  ['EVAL', "return {redis.REPL_NONE, redis.REPL_AOF, redis.REPL_SLAVE, redis.REPL_REPLICA, redis.REPL_ALL}", '0'],
  ['EVAL', "return {redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING}", '0'],
  ['EVAL', "return string.format('%d-%s', 7, 'x')", '0'],
  ['EVAL', "return tostring(12.5)", '0'],
  ['EVAL', "return type(_G)", '0'],
  ['EVAL', 'return {type(load), type(loadstring), type(gcinfo), type(coroutine), type(unpack)}', '0'],
  ['EVAL', 'return type(getfenv)', '0'],
  ['EVAL', 'return type(setfenv)', '0'],
  ['EVAL', 'return type(newproxy)', '0'],
  ['EVAL', 'return type(print)', '0'],
  ['EVAL', 'return _G', '0'],
  ['EVAL', "return {pcall(redis.call, 'nosuch')}", '0'],
  ['EVAL', "return {pcall(error, 'y')}", '0'],
  ['EVAL', "return {pcall(error, {err='z'})}", '0'],
  ['EVAL', "return pcall(function() return 1 end)", '0'],
  ['EVAL', "redis.call('sadd', KEYS[1], 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'z', 'aa', 'aaa', 'azz') return redis.call('sort', KEYS[1], 'by', '_')", '1', 'myset'],
  ['EVAL', "return redis.call('sort', KEYS[1], 'by', '_', 'get', '#', 'get', '_:*')", '1', 'myset'],
  ['EVAL', "redis.call('rpush', 'sl', 'c', 'a', 'b') return redis.call('sort', 'sl', 'by', 'nosort')", '0'],
];

const ERRORS: readonly (readonly string[])[] = [
  ['EVAL', 'return x', '0'],
  ['EVAL', 'x = 1', '0'],
  ['EVAL', "error('boom')", '0'],
  ['EVAL', "local x = redis.call('nosuch') return x", '0'],
  ['EVAL', "local x = redis.call('incr', 'x', 'y') return x", '0'],
  ['EVAL', "redis.call('set', 's', 'a') local x = redis.call('incr', 's') return x", '0'],
  ['EVAL', "local x = redis.call('multi') return x", '0'],
  ['EVAL', "local x = redis.call({}) return x", '0'],
  ['EVAL', "local x = redis.call() return x", '0'],
  ['EVAL', "local x = redis.call('config') return x", '0'],
  ['EVAL', "local x = redis.call('config', 'nosub') return x", '0'],
  ['EVAL', "local x = redis.call('blpop', 'l', 0) return x", '0'],
  ['EVAL', "return 'a' .. {}", '0'],
  ['EVAL', '\nlocal a = nil + 1', '0'],
  ['EVAL', 'return = ', '0'],
  ['EVAL', 'return ""', '-1'],
  ['EVAL', 'return ""', '1'],
  ['EVAL', 'return ""', 'x'],
  ['EVAL', 'return ""', '2', 'a'],
  ['EVALSHA', 'ffffffffffffffffffffffffffffffffffffffff', '0'],
  ['EVALSHA', 'short', '0'],
  ['EVALSHA', 'short', 'x'],
  ['EVAL', '#!lua flags=no-writes\nlocal x = redis.call("set", "k", "v") return x', '0'],
  ['EVAL', '#!lua flags=bad-flag\nreturn 1', '0'],
  ['EVAL', '#!lua name=x\nreturn 1', '0'],
  ['EVAL', '#!python\nreturn 1', '0'],
  ['EVAL', '#!lua', '0'],
  ['EVAL', '#!lua\nreturn 1', '0'],
  ['EVAL', '#!lua flags=no-writes,allow-oom\nreturn 1', '0'],
  ['EVAL_RO', "local x = redis.call('set', 'k', 'v') return x", '0'],
  ['EVAL_RO', "return redis.call('get', 'k')", '0'],
  ['EVAL_RO', '#!lua\nreturn 1', '0'],
  ['EVAL', "redis.setresp(4)", '0'],
  ['EVAL', "redis.setresp()", '0'],
  ['EVAL', "redis.set_repl(7)", '0'],
  ['EVAL', "redis.log(redis.LOG_WARNING)", '0'],
  ['EVAL', "redis.log('x', 'y')", '0'],
  ['EVAL', "redis.log(9, 'y')", '0'],
  ['EVAL', "local x = redis.sha1hex() return x", '0'],
  ['EVAL', "local x = redis.call('xread', 'BLOCK', 0, 'STREAMS', 's', '$') return x", '0'],
  ['EVAL', "return redis.call('nosuch')", '0'],
  ['EVAL', "return redis.call('incr', 'x', 'y')", '0'],
  ['EVAL', "error('boom', 0)", '0'],
  ['EVAL', "error({err='CUSTOM code'})", '0'],
  ['EVAL', "error('at two', 2)", '0'],
  ['EVAL', "\n\nlocal function f() error('deep') end\nf()", '0'],
  ['EVAL', "local t = setmetatable({}, {__index = function() error('in index') end}) return t.x", '0'],
  ['EVAL', "return redis.pcall('xread', 'BLOCK', 0, 'STREAMS', 's', '$')", '0'],
];

describe('EVAL replies like redis-server 7.0.15', () => {
  it('converts Redis replies to Lua and Lua values to replies (RESP2)', async () => {
    for (const argv of CONVERSIONS) await both.same(argv);
  });

  it('reports compile, runtime, command and argument errors with the same text', async () => {
    for (const argv of ERRORS) await both.same(argv);
  });

  it('converts RESP3 replies after redis.setresp(3) and HELLO 3', async () => {
    const scripts: readonly (readonly string[])[] = [
      ['EVAL', "redis.setresp(3) redis.call('hset', 'h', 'f', 'v') local r = redis.call('hgetall', 'h') return r.map.f", '0'],
      ['EVAL', "redis.setresp(3) redis.call('sadd', 's', 'a') local r = redis.call('smembers', 's') return tostring(r.set.a)", '0'],
      ['EVAL', "redis.setresp(3) redis.call('zadd', 'z', 1.5, 'm') local r = redis.call('zscore', 'z', 'm') return tostring(r.double)", '0'],
      ['EVAL', "redis.setresp(3) local r = redis.call('get', 'missing') return type(r)", '0'],
      ['EVAL', "redis.setresp(3) return {map={a=1}}", '0'],
      ['EVAL', "redis.setresp(3) return {set={a=true}}", '0'],
      ['EVAL', "redis.setresp(3) return {double=3.5}", '0'],
      ['EVAL', "redis.setresp(3) return {big_number='12345678901234567890'}", '0'],
      ['EVAL', "redis.setresp(3) return {verbatim_string={format='txt', string='hi'}}", '0'],
      ['EVAL', "redis.setresp(3) return true", '0'],
      ['EVAL', "redis.setresp(3) return false", '0'],
      ['EVAL', 'return false', '0'],
      ['EVAL', 'return nil', '0'],
    ];
    for (const argv of scripts) await both.same(argv);
    await both.replies(['HELLO', '3']);
    for (const argv of scripts) await both.same(argv);
    await both.replies(['HELLO', '2']);
  });

  it('SCRIPT LOAD, EXISTS, FLUSH, KILL and HELP, and EVALSHA of loaded scripts', async () => {
    await both.script([
      ['SCRIPT', 'LOAD', "return 'loaded'"],
      ['SCRIPT', 'EXISTS', 'b534286061d4b9e4026607613b95c06c06015ae8', 'ffffffffffffffffffffffffffffffffffffffff'],
      ['EVALSHA', 'b534286061d4b9e4026607613b95c06c06015ae8', '0'],
      ['EVALSHA', 'B534286061D4B9E4026607613B95C06C06015AE8', '0'],
      ['EVALSHA_RO', 'b534286061d4b9e4026607613b95c06c06015ae8', '0'],
      ['SCRIPT', 'LOAD', 'return ='],
      ['SCRIPT', 'LOAD', '#!lua flags=nope\nreturn 1'],
      ['SCRIPT', 'KILL'],
      ['SCRIPT', 'FLUSH', 'ASYNC'],
      ['SCRIPT', 'FLUSH', 'SYNC'],
      ['SCRIPT', 'FLUSH', 'LATER'],
      ['SCRIPT', 'FLUSH'],
      ['SCRIPT', 'EXISTS', 'b534286061d4b9e4026607613b95c06c06015ae8'],
      ['EVALSHA', 'b534286061d4b9e4026607613b95c06c06015ae8', '0'],
      ['SCRIPT', 'HELP'],
      ['SCRIPT', 'NOSUCH'],
      ['SCRIPT'],
      ['EVAL', "return 'x'", '0'],
      ['SCRIPT', 'EXISTS', 'a30d7e9bc8fd5e3dd9c5d8fb2fa4bb22bde16e6e'],
    ]);
  });

  it('counts a script\'s commands and errors in commandstats and errorstats as Redis does', async () => {
    await both.same(['CONFIG', 'RESETSTAT']);
    await both.replies(['EVAL', "redis.call('set', 'a', '1') redis.pcall('incr', 'x', 'y') return redis.call('get', 'a')", '0']);
    await both.replies(['EVAL', "local x = redis.call('nosuch') return x", '0']);
    await both.replies(['EVAL', "return redis.pcall('lpush', 'a', 'v')", '0']);
    await both.same(['INFO', 'errorstats']);
    const { real, ours } = await both.replies(['INFO', 'commandstats']);
    const lines = (reply: typeof real): string[] => reply.raw.toString('latin1').split('\r\n').filter((line) => line.startsWith('cmdstat_')).map((line) => line.replace(/usec=\d+,usec_per_call=[\d.]+,/, '')).sort();
    const { expect } = await import('vitest');
    expect(lines(ours)).toEqual(lines(real));
  });

  it('describes EVAL and SCRIPT in COMMAND INFO, COMMAND DOCS and COMMAND GETKEYS as Redis does', async () => {
    await both.script([
      ['COMMAND', 'INFO', 'eval', 'evalsha', 'eval_ro', 'evalsha_ro'],
      ['COMMAND', 'INFO', 'script|exists', 'script|flush', 'script|help', 'script|kill', 'script|debug', 'script|load'],
      ['COMMAND', 'GETKEYS', 'EVAL', 'return 1', '2', 'a', 'b', 'c'],
      ['COMMAND', 'GETKEYS', 'EVAL', 'return 1', '0', 'c'],
      ['COMMAND', 'DOCS', 'eval'],
    ]);
  });

  it('reports the script cache in INFO memory with Redis\'s sizes (used_memory_scripts_eval, number_of_cached_scripts)', async () => {
    const { expect } = await import('vitest');
    const fields = (reply: { readonly raw: Buffer }): string[] =>
      reply.raw.toString('latin1').split('\r\n').filter((line) => /^(used_memory_scripts_eval|number_of_cached_scripts|used_memory_scripts|used_memory_vm_functions):/.test(line));
    await both.same(['SCRIPT', 'FLUSH']);
    // Four scripts: a fifth makes Redis's dict rehash incrementally, counting both tables' slots for a while.
    const bodies = ['return 1', `return '${'x'.repeat(200)}'`, `return '${'y'.repeat(5000)}'`, 'return 2'];
    for (const body of bodies) {
      await both.same(['SCRIPT', 'LOAD', body]);
      const { real, ours } = await both.replies(['INFO', 'memory']);
      expect(fields(ours)).toEqual(fields(real));
    }
  });
});
