import { LuaHostFunction, type LuaCallContext, type LuaValue } from './api.js';
import { argumentError, checkInteger, checkNumber, libraryError } from './library-arguments.js';
import type { LuaTableImpl } from './lua-table.js';
import { powerAsC } from './operations.js';
import { redisRand48Max, type RedisRand48 } from './redis-rand48.js';

type Unary = (value: number) => number;

const unaryFunctions: readonly (readonly [string, Unary])[] = [
  ['abs', Math.abs], ['acos', Math.acos], ['asin', Math.asin], ['atan', Math.atan], ['ceil', Math.ceil],
  ['cosh', Math.cosh], ['cos', Math.cos], ['deg', (x) => x * (180 / Math.PI)], ['exp', Math.exp],
  ['floor', Math.floor], ['log10', Math.log10], ['log', Math.log], ['rad', (x) => x * (Math.PI / 180)],
  ['sinh', Math.sinh], ['sin', Math.sin], ['sqrt', Math.sqrt], ['tanh', Math.tanh], ['tan', Math.tan],
];

/** Lua 5.1's math library, with Redis's math.random/randomseed (rand.c's lrand48). */
export function openMathLibrary(math: LuaTableImpl, random: RedisRand48): void {
  const define = (name: string, fn: (args: readonly LuaValue[], context: LuaCallContext) => LuaValue[]): void => {
    math.set(name, new LuaHostFunction(name, fn));
  };
  for (const [name, fn] of unaryFunctions) define(name, (args, context) => [fn(checkNumber(context, args, 1, name))]);
  define('atan2', (args, context) => [Math.atan2(checkNumber(context, args, 1, 'atan2'), checkNumber(context, args, 2, 'atan2'))]);
  define('pow', (args, context) => [powerAsC(checkNumber(context, args, 1, 'pow'), checkNumber(context, args, 2, 'pow'))]);
  const fmod = (args: readonly LuaValue[], context: LuaCallContext): LuaValue[] =>
    [checkNumber(context, args, 1, 'fmod') % checkNumber(context, args, 2, 'fmod')];
  define('fmod', fmod);
  define('mod', fmod);
  define('modf', (args, context) => {
    const value = checkNumber(context, args, 1, 'modf');
    const integral = value >= 0 ? Math.floor(value) : Math.ceil(value);
    return [integral, Number.isFinite(value) ? value - integral : 0];
  });
  define('frexp', (args, context) => frexp(checkNumber(context, args, 1, 'frexp')));
  define('ldexp', (args, context) => [checkNumber(context, args, 1, 'ldexp') * Math.pow(2, checkInteger(context, args, 2, 'ldexp'))]);
  define('min', (args, context) => [extreme(args, context, 'min', (candidate, best) => candidate < best)]);
  define('max', (args, context) => [extreme(args, context, 'max', (candidate, best) => candidate > best)]);
  define('random', (args, context) => [randomNumber(random, args, context)]);
  define('randomseed', (args, context) => {
    random.seed(checkInteger(context, args, 1, 'randomseed'));
    return [];
  });
  math.set('pi', Math.PI);
  math.set('huge', Number.POSITIVE_INFINITY);
}

function extreme(args: readonly LuaValue[], context: LuaCallContext, name: string, better: (candidate: number, best: number) => boolean): number {
  let best = checkNumber(context, args, 1, name);
  for (let position = 2; position <= args.length; position += 1) {
    const candidate = checkNumber(context, args, position, name);
    if (better(candidate, best)) best = candidate;
  }
  return best;
}

function frexp(value: number): LuaValue[] {
  if (value === 0 || !Number.isFinite(value)) return [value, 0];
  let exponent = Math.max(-1073, Math.floor(Math.log2(Math.abs(value))) + 1);
  let mantissa = value * Math.pow(2, -exponent);
  while (Math.abs(mantissa) < 0.5) {
    mantissa *= 2;
    exponent -= 1;
  }
  while (Math.abs(mantissa) >= 1) {
    mantissa /= 2;
    exponent += 1;
  }
  return [mantissa, exponent];
}

/** script_lua.c's redis_math_random. */
function randomNumber(random: RedisRand48, args: readonly LuaValue[], context: LuaCallContext): number {
  const fraction = (random.next() % redisRand48Max) / redisRand48Max;
  switch (args.length) {
    case 0: return fraction;
    case 1: {
      const upper = checkInteger(context, args, 1, 'random');
      if (!(upper >= 1)) throw argumentError(context, 1, 'random', 'interval is empty');
      return Math.floor(fraction * upper) + 1;
    }
    case 2: {
      const lower = checkInteger(context, args, 1, 'random');
      const upper = checkInteger(context, args, 2, 'random');
      if (!(lower <= upper)) throw argumentError(context, 2, 'random', 'interval is empty');
      return Math.floor(fraction * (upper - lower + 1)) + lower;
    }
    default: throw libraryError(context, 'wrong number of arguments');
  }
}
