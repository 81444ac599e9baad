import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BareMapStore } from '../../../bench/store-support/bare-map-store.js';
import { createStore } from '../../../src/store/embedded.js';

/** The commands the bench sends (non-numeric values for SET, so INCR stays on numbers both sides accept). */
const benchCommand = fc.oneof(
  fc.tuple(fc.constant('SET'), fc.constantFrom('a', 'b', 'counter'), fc.stringMatching(/^[a-z]{0,20}$/)),
  fc.tuple(fc.constant('GET'), fc.constantFrom('a', 'b', 'counter', 'missing')),
  fc.tuple(fc.constant('INCR'), fc.constantFrom('counter', 'other')),
);

describe('the bench\'s bare Map store', () => {
  it('answers SET, GET and INCR with the same bytes as our store, each in a fresh Buffer', () => {
    fc.assert(
      fc.property(fc.array(benchCommand, { maxLength: 40 }), (commands) => {
        const bare = new BareMapStore();
        const store = createStore();
        const counterIsText = new Set<string>();
        for (const argv of commands) {
          // INCR of a key SET to letters is an error in Redis; the bench never sends it.
          if (argv[0] === 'SET') counterIsText.add(argv[1]);
          if (argv[0] === 'INCR' && counterIsText.has(argv[1])) continue;
          const expected = store.command(argv);
          const reply = bare.command(argv);
          expect(reply.toString('latin1')).toBe(expected.toString('latin1'));
          const again = bare.command(['GET', 'a']);
          const before = again.toString('latin1');
          reply.fill(0x21);
          expect(again.toString('latin1')).toBe(before);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a command the bench does not send', () => {
    expect(() => new BareMapStore().command(['DEL', 'a'])).toThrow('the bare store runs SET, GET and INCR only, not DEL');
  });
});
