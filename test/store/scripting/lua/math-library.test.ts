import { describe, expect, it } from 'vitest';
import { RedisRand48 } from '../../../../src/store/scripting/lua/redis-rand48.js';
import { createLuaVm } from '../../../../src/store/scripting/lua/vm.js';
import { luaErrorOf, runLua } from './interpreter-support.js';

/** EVAL replies truncate numbers to integers, hence the `* 1000000` and the explicit tostring. */
function truncatedReply(values: unknown[]): unknown[] {
  return values.map((value) => (typeof value === 'number' ? Math.trunc(value) : value));
}

describe('math.random is Redis rand.c lrand48', () => {
  it('matches a fresh redis-server 7.0.15 (first EVAL after start)', () => {
    // redis-cli eval "return {math.random(100), math.random(100), math.random()*1000000, math.random(5,10)}" 0
    const [result] = runLua('return {math.random(100), math.random(100), math.random()*1000000, math.random(5,10)}');
    expect(truncatedReply(result as unknown[])).toEqual([40, 85, 353336, 7]);
  });

  it('matches redis-server after math.randomseed(42)', () => {
    // redis-cli eval "math.randomseed(42); return {math.random(1000000), math.random(1000000), math.random()*1000000000}" 0
    const [result] = runLua('math.randomseed(42); return {math.random(1000000), math.random(1000000), math.random()*1000000000}');
    expect(truncatedReply(result as unknown[])).toEqual([744526, 342702, 111085282]);
  });

  it('matches redis-server for negative seeds and two-argument ranges', () => {
    // redis-cli eval "math.randomseed(-7); return {math.random(1, 1000000000), math.random(-100, 100)}" 0
    const [result] = runLua('math.randomseed(-7); return {math.random(1, 1000000000), math.random(-100, 100)}');
    expect(result).toEqual([75211876, 64]);
  });

  it('matches redis-server for the float after math.randomseed(0)', () => {
    // redis-cli eval "math.randomseed(0) return tostring(math.random())" 0
    expect(runLua('math.randomseed(0) return tostring(math.random())')).toEqual(['0.17082803611217']);
  });

  it('continues one sequence across scripts of one VM, as Redis 7.0 does (it never reseeds)', () => {
    const vm = createLuaVm();
    runLua('return {math.random(100), math.random(100), math.random()*1000000, math.random(5,10)}', vm);
    // The same command run a second time on a fresh redis-server replied 32 89 15582 8.
    const [second] = runLua('return {math.random(100), math.random(100), math.random()*1000000, math.random(5,10)}', vm);
    expect(truncatedReply(second as unknown[])).toEqual([32, 89, 15582, 8]);
  });

  it('seedRandom reseeds like math.randomseed', () => {
    const vm = createLuaVm();
    vm.seedRandom(42);
    expect(runLua('return math.random(1000000)', vm)).toEqual([744526]);
  });

  it('stays within 0 .. 2^31-1 and is deterministic', () => {
    const first = new RedisRand48();
    const second = new RedisRand48();
    for (let draw = 0; draw < 1000; draw += 1) {
      const value = first.next();
      expect(value).toBe(second.next());
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(0x7fffffff);
    }
  });

  it('rejects empty intervals and extra arguments', () => {
    expect(luaErrorOf('math.random(0)')).toBe("user_script:1: bad argument #1 to 'random' (interval is empty)");
    expect(luaErrorOf('math.random(3, 1)')).toBe("user_script:1: bad argument #2 to 'random' (interval is empty)");
    expect(luaErrorOf('math.random(1, 2, 3)')).toBe('user_script:1: wrong number of arguments');
  });
});

describe('math library', () => {
  it('has Lua 5.1 functions and constants', () => {
    expect(runLua('return math.floor(-1.5), math.ceil(1.2), math.abs(-3), math.max(1, 5, 3), math.min(4, -2), math.sqrt(16), math.pow(2, 10)'))
      .toEqual([-2, 2, 3, 5, -2, 4, 1024]);
    expect(runLua('return math.fmod(7, 3), math.fmod(-7, 3), math.mod(7, 3), math.modf(3.7)'))
      .toEqual([1, -1, 1, 3, expect.closeTo(0.7, 10)]);
    expect(runLua('return math.modf(-3.7)')).toEqual([-3, expect.closeTo(-0.7, 10)]);
    expect(runLua('return math.frexp(8), math.ldexp(0.5, 4), math.huge > 1e308, math.pi, math.deg(math.pi), math.rad(180) == math.pi'))
      .toEqual([0.5, 8, true, Math.PI, 180, true]);
    expect(runLua('return math.frexp(-12)')).toEqual([-0.75, 4]);
    expect(runLua('return math.log(1), math.log10(1000), math.exp(0), math.atan2(1, 1) == math.pi / 4, math.sin(0), math.cos(0)'))
      .toEqual([0, 3, 1, true, 0, 1]);
  });

  it('checks argument types', () => {
    expect(luaErrorOf('math.floor("x")')).toBe("user_script:1: bad argument #1 to 'floor' (number expected, got string)");
    expect(luaErrorOf('math.max()')).toBe("user_script:1: bad argument #1 to 'max' (number expected, got no value)");
    expect(runLua('return math.floor("2.5")')).toEqual([2]);
  });
});
