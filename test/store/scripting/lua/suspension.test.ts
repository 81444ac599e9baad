import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LuaError, type LuaExecution, type LuaVm } from '../../../../src/store/scripting/lua/api.js';
import { createLuaVm } from '../../../../src/store/scripting/lua/vm.js';
import { toPlain, type Plain } from './interpreter-support.js';

/** Programs that loop, call, recurse, catch errors and switch coroutines: every kind of place a pause can land. */
const programs: readonly string[] = [
  'local x = 0 for i = 1, 200 do x = x + i end return x',
  'local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end return fib(12)',
  'local t = {} for i = 1, 50 do t[#t + 1] = tostring(i) end return table.concat(t, ",")',
  'local ok, e = pcall(function() for i = 1, 30 do if i == 25 then error("at " .. i) end end end) return ok, e',
  'local n = 0 local ok = pcall(function() while true do n = n + 1 if n > 40 then error("stop", 0) end end end) return ok, n',
  'local co = coroutine.wrap(function() for i = 1, 20 do coroutine.yield(i * i) end end) local s = 0 for i = 1, 20 do s = s + co() end return s',
  'local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end return deep(100)',
  'local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + n) end return loop(300, 0)',
  'local t = {} for i = 1, 40 do t[i] = (i * 37) % 41 end table.sort(t, function(a, b) return a > b end) return t[1], t[40]',
  'local i = 0 repeat i = i + 1 until i >= 77 return i',
  'local s = 0 for k, v in pairs({a = 1, b = 2, c = 3, 4, 5}) do s = s + v end for _, v in ipairs({6, 7}) do s = s + v end return s',
  'local co = coroutine.create(function(a) local b = coroutine.yield(a) while b < 50 do b = b + coroutine.yield(b) end return b end) local _, v = coroutine.resume(co, 1) while coroutine.status(co) ~= "dead" do _, v = coroutine.resume(co, 3) end return v',
  'local r = {} for i = 1, 10 do r[i] = math.random(1000) end return unpack(r)',
  'local mt = {__index = function(t, k) return k * 2 end} local t = setmetatable({}, mt) local s = 0 for i = 1, 30 do s = s + t[i] end return s',
  'error("fails after " .. (function() local n = 0 for i = 1, 10 do n = n + i end return n end)())',
];

type Outcome = { readonly results: Plain[] } | { readonly error: Plain };

function runWithBudgets(vm: LuaVm, source: string, budgets: readonly number[]): { outcome: Outcome; steps: number; pauses: number } {
  const execution: LuaExecution = vm.start(vm.load(source, 'user_script'), []);
  let pauses = 0;
  try {
    for (let round = 0; round < 1_000_000; round += 1) {
      const budget = budgets[round % budgets.length] ?? 1_000_000;
      const result = execution.run(budget);
      if (result.done) return { outcome: { results: result.results.map(toPlain) }, steps: execution.instructions, pauses };
      pauses += 1;
    }
  } catch (error) {
    if (!(error instanceof LuaError)) throw error;
    return { outcome: { error: toPlain(error.value) }, steps: execution.instructions, pauses };
  }
  throw new Error('program did not finish');
}

describe('suspendable execution', () => {
  it('gives the same results and step counts with tiny budgets as with one big run', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...programs),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }),
        (source, budgets) => {
          const whole = runWithBudgets(createLuaVm(), source, [10_000_000]);
          const sliced = runWithBudgets(createLuaVm(), source, budgets);
          expect(sliced.outcome).toEqual(whole.outcome);
          expect(sliced.steps).toBe(whole.steps);
          expect(whole.pauses).toBe(0);
          if (whole.steps > (budgets[0] ?? 0)) expect(sliced.pauses).toBeGreaterThan(0);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('pauses an infinite loop forever without throwing', () => {
    const vm = createLuaVm();
    const execution = vm.start(vm.load('while true do end', 'user_script'), []);
    for (let round = 0; round < 200; round += 1) expect(execution.run(1000).done).toBe(false);
    expect(execution.instructions).toBeGreaterThanOrEqual(200 * 1000);
    expect(execution.instructions).toBeLessThan(200 * 1000 + 400);
  });

  it('pauses busy loops inside pcall, coroutines and deep calls', () => {
    const vm = createLuaVm();
    const sources = [
      'pcall(function() while true do end end)',
      'coroutine.wrap(function() while true do end end)()',
      'local function f(n) if n == 0 then while true do end end return f(n - 1) + 1 end f(50)',
    ];
    for (const source of sources) {
      const execution = vm.start(vm.load(source, 'user_script'), []);
      for (let round = 0; round < 20; round += 1) expect(execution.run(500).done).toBe(false);
    }
  });

  it('lets other executions and host calls run while one is paused', () => {
    const vm = createLuaVm();
    const busy = vm.start(vm.load('local n = 0 while n < 5000 do n = n + 1 end return n', 'user_script'), []);
    expect(busy.run(100).done).toBe(false);
    const other = vm.start(vm.load('return 1 + 1', 'user_script'), []);
    expect(other.run(1000)).toEqual({ done: true, results: [2] });
    expect(vm.call(vm.load('return "direct"', 'user_script'), [])).toEqual(['direct']);
    let result = busy.run(100);
    while (!result.done) result = busy.run(1000);
    expect(result.results).toEqual([5000]);
  });

  it('counts the same steps for the same program every time', () => {
    const source = programs[1]!;
    const first = runWithBudgets(createLuaVm(), source, [7]);
    const second = runWithBudgets(createLuaVm(), source, [7]);
    expect(first.steps).toBe(second.steps);
    expect(first.pauses).toBe(second.pauses);
    expect(first.steps).toBeGreaterThan(100);
  });
});
