import fc from 'fast-check';
import { describe, it } from 'vitest';
import { useSideBySide } from '../../support/side-by-side.js';

/**
 * Random sequences of the deterministic set commands on a real
 * redis-server 7.0.15 and on our store: encodings, counts and errors compared
 * byte for byte, member lists as multisets (a hashtable's order is Redis's
 * hash seed's).
 */
const both = useSideBySide({ resetBeforeEach: false });

const key = fc.constantFrom('s1', 's2', 's3', 'missing', 'str');
const member = fc.constantFrom('1', '2', '3', '-7', '10', '007', 'a', 'b', '9223372036854775807', '9223372036854775808');
const members = fc.array(member, { minLength: 1, maxLength: 4 });
const keys = fc.array(key, { minLength: 1, maxLength: 3 });
const tuple = (...parts: fc.Arbitrary<string | string[]>[]): fc.Arbitrary<string[]> => fc.tuple(...parts).map((items) => items.flat());
const literal = (word: string): fc.Arbitrary<string> => fc.constant(word);

const command: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 6, arbitrary: tuple(literal('SADD'), key, members) },
  { weight: 2, arbitrary: tuple(literal('SREM'), key, members) },
  tuple(literal('SMOVE'), key, key, member),
  tuple(fc.constantFrom('SCARD', 'SMEMBERS'), key),
  tuple(literal('SISMEMBER'), key, member),
  tuple(literal('SMISMEMBER'), key, members),
  { weight: 2, arbitrary: tuple(fc.constantFrom('SINTER', 'SUNION', 'SDIFF'), keys) },
  { weight: 2, arbitrary: tuple(fc.constantFrom('SINTERSTORE', 'SUNIONSTORE', 'SDIFFSTORE'), key, keys) },
  keys.chain((chosen) => fc.constantFrom([], ['LIMIT', '1'], ['LIMIT', '0']).map((option) => ['SINTERCARD', String(chosen.length), ...chosen, ...option])),
  tuple(literal('OBJECT'), literal('ENCODING'), key),
  tuple(literal('SET'), literal('str'), literal('v')),
);

const unordered = ['smembers', 'sinter', 'sunion', 'sdiff'];
const config = fc.constantFrom<Record<string, string>>({}, { 'set-max-intset-entries': '3' });

describe('random set sequences answer like redis-server 7.0.15', () => {
  it('agrees on every reply (member lists as multisets) and on the final contents', async () => {
    await fc.assert(
      fc.asyncProperty(config, fc.array(command, { minLength: 1, maxLength: 25 }), async (settings, commands) => {
        await both.reset(settings);
        await both.script(commands, unordered);
        for (const name of ['s1', 's2', 's3']) {
          await both.same(['SMEMBERS', name], 'unordered');
          await both.same(['OBJECT', 'ENCODING', name]);
        }
      }),
      { numRuns: 150, seed: 20240716 },
    );
  });
});
