import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LuaError, type LuaValue } from '../../../../src/store/scripting/lua/api.js';
import { createCjsonModule } from '../../../../src/store/scripting/lua/lib-cjson.js';
import { createLuaTable } from '../../../../src/store/scripting/lua/lua-table.js';
import { evalEach, libraryFunction, testContext, withoutPosition, useRealRedisConnection } from './lib-test-support.js';

/**
 * Generated JSON-ish texts (valid and broken) decoded and re-encoded by our
 * cjson and by redis-server 7.0.15's. Objects have at most one key: Lua's
 * traversal order of several keys follows its hash layout, which our
 * insertion-ordered tables do not reproduce.
 */

const numberTexts = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.constantFrom('0.1', '1e5', '1E400', '-0', '007', '0x1F', '+1', 'NaN', 'nan', 'Infinity', '-inf', '1.', '.5', '-', '1e', '12345678901234567890', '0.30000000000000004'),
);
const stringPieces = ['a', 'é', '\\n', '\\"', '\\\\', '\\/', '\\u00e9', '\\ud83d\\ude00', '\\u0000', '\\x', '\\u12', '\\udc00', '\x01', '\x7f', '\xff', ' ', '/', '\t'];
const stringTexts = fc.array(fc.constantFrom(...stringPieces), { maxLength: 5 }).map((pieces) => `"${pieces.join('')}"`);

const { value: jsonText } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('null', 'true', 'false', 'nul', 'tru'),
    numberTexts,
    stringTexts,
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.tuple(stringTexts, tie('value')).map(([key, value]) => `{${key}:${value}}`),
    fc.constant('{}'),
  ),
}));

const whitespace = fc.constantFrom('', ' ', '\n', '\t ', '\r');
const documentArbitrary = fc.oneof(
  { arbitrary: fc.tuple(whitespace, jsonText, whitespace).map(([before, text, after]) => before + text + after), weight: 6 },
  { arbitrary: fc.tuple(jsonText, fc.nat()).map(([text, cut]) => text.slice(0, cut % (text.length + 1))), weight: 2 },
  { arbitrary: fc.tuple(jsonText, fc.constantFrom(',', ']', '}', ':', 'x', '[', '"')).map(([text, extra]) => text + extra), weight: 1 },
);

const script = `
  local ok, value = pcall(cjson.decode, ARGV[1])
  if not ok then return 'decode-error:' .. value end
  local encoded, text = pcall(cjson.encode, value)
  if not encoded then return 'encode-error:' .. text end
  return 'json:' .. text`;

function ours(text: string): string {
  const cjson = createCjsonModule(() => createLuaTable());
  const context = testContext('');
  let value: LuaValue;
  try {
    value = libraryFunction(cjson, 'decode').fn([text], context)[0];
  } catch (error) {
    if (error instanceof LuaError) return `decode-error:${String(error.value)}`;
    throw error;
  }
  try {
    return `json:${String(libraryFunction(cjson, 'encode').fn([value], context)[0])}`;
  } catch (error) {
    if (error instanceof LuaError) return `encode-error:${String(error.value)}`;
    throw error;
  }
}

describe('cjson agrees with redis-server 7.0.15 on generated documents', () => {
  const connection = useRealRedisConnection();

  it('decode then encode', async () => {
    const documents = fc.sample(documentArbitrary, { numRuns: 3000, seed: 17 });
    const expected = await evalEach(connection(), script, documents.map((document) => [document]));
    expect(expected.filter((text) => text.startsWith('json:[')).length).toBeGreaterThan(100);
    expect(expected.filter((text) => text.startsWith('json:')).length).toBeGreaterThan(1000);
    expect(expected.filter((text) => text.startsWith('decode-error:')).length).toBeGreaterThan(300);
    const mismatches = documents.flatMap((document, index) => {
      const theirs = withoutPosition(expected[index] ?? '');
      const mine = ours(document);
      return theirs === mine ? [] : [`${JSON.stringify(document)}\n  redis: ${JSON.stringify(theirs)}\n  ours:  ${JSON.stringify(mine)}`];
    });
    expect(mismatches).toEqual([]);
  });
});
