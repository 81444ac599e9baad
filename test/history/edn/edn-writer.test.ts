import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEdnForms } from '../../../src/history/edn/edn-reader.js';
import type { EdnValue } from '../../../src/history/edn/edn-value.js';
import { writeEdn } from '../../../src/history/edn/edn-writer.js';

const name = fc.stringMatching(/^[a-z][a-z0-9*+!_?-]{0,6}(\/[a-z][a-z0-9]{0,4})?$/);

const ednArbitrary: fc.Arbitrary<EdnValue> = fc.letrec<{ value: EdnValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Number.isInteger(value)),
    fc.string({ maxLength: 10 }),
    name.map((text): EdnValue => ({ kind: 'keyword', name: text })),
    name.filter((text) => !['nil', 'true', 'false'].includes(text)).map((text): EdnValue => ({ kind: 'symbol', name: text })),
    fc.array(tie('value'), { maxLength: 4 }).map((items): EdnValue => ({ kind: 'vector', items })),
    fc.array(tie('value'), { maxLength: 4 }).map((items): EdnValue => ({ kind: 'list', items })),
    fc.array(tie('value'), { maxLength: 3 }).map((items): EdnValue => ({ kind: 'set', items })),
    fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 3 }).map((entries): EdnValue => ({ kind: 'map', entries })),
  ),
})).value;

function withoutLines(value: EdnValue): EdnValue {
  if (value === null || typeof value !== 'object') return value;
  if (value.kind === 'map') return { kind: 'map', entries: value.entries.map(([key, item]) => [withoutLines(key), withoutLines(item)] as const) };
  if (value.kind === 'vector' || value.kind === 'list' || value.kind === 'set') return { kind: value.kind, items: value.items.map(withoutLines) };
  if (value.kind === 'tagged') return { ...value, value: withoutLines(value.value) };
  return value;
}

describe('EDN writer', () => {
  it('writes text the reader reads back as the same value', () => {
    fc.assert(
      fc.property(ednArbitrary, (value) => {
        const forms = readEdnForms(writeEdn(value), 'round-trip.edn');
        expect(forms).toHaveLength(1);
        expect(withoutLines(forms[0]?.value ?? null)).toEqual(value);
      }),
      { numRuns: 300 },
    );
  });

  it('prints maps as Clojure does', () => {
    expect(writeEdn({ kind: 'map', entries: [[{ kind: 'keyword', name: 'f' }, { kind: 'keyword', name: 'read' }], [{ kind: 'keyword', name: 'value' }, null]] })).toBe('{:f :read, :value nil}');
  });
});
