import fc from 'fast-check';
import type { Op, OpValue } from '../../src/history/op.js';

const fieldName = fc.string({ minLength: 1, maxLength: 8 }).filter((name) => name !== '$bytes' && name !== '__proto__');

/** Op values: nil, booleans, safe integers, finite doubles, strings, bytes, lists and maps. */
export const opValueArbitrary: fc.Arbitrary<OpValue> = fc.letrec<{ value: OpValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1e12, max: 1e12 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Object.is(value, -0)),
    fc.string({ maxLength: 12 }),
    fc.uint8Array({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fieldName, tie('value'), { maxKeys: 3 }),
  ),
})).value;

const opBody = fc.record(
  {
    process: fc.oneof(fc.nat({ max: 50 }), fc.constantFrom('nemesis', 'client-a')),
    type: fc.constantFrom('invoke', 'ok', 'fail', 'info'),
    f: fc.constantFrom('read', 'write', 'cas', 'append', 'txn', 'start-partition'),
    key: fc.string({ minLength: 1, maxLength: 6 }),
    value: opValueArbitrary,
    timeStepUs: fc.nat({ max: 10_000 }),
    node: fc.constantFrom('n1', 'n2'),
    error: fc.oneof(fc.string({ maxLength: 10 }), fc.constant(null)),
  },
  { requiredKeys: ['process', 'type', 'f', 'value', 'timeStepUs'] },
);

/** Histories of ops (not necessarily well paired): indexes increase, times do not decrease. */
export const opsArbitrary: fc.Arbitrary<Op[]> = fc.array(opBody, { maxLength: 20 }).map((bodies) => {
  let timeUs = 0;
  return bodies.map(({ timeStepUs, ...body }, index) => {
    timeUs += timeStepUs;
    return { index, time: timeUs, ...body } as Op;
  });
});
