import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { formatJsonlHistory, formatJsonlOp, parseJsonlHistory } from '../../src/history/jsonl-codec.js';
import { opsArbitrary } from './op-arbitrary.js';

describe('JSONL history codec', () => {
  it('reads back exactly what it wrote, bytes included', () => {
    fc.assert(
      fc.property(opsArbitrary, (ops) => {
        const text = formatJsonlHistory(ops);
        expect(text.split('\n').filter((line) => line.length > 0)).toHaveLength(ops.length);
        expect(parseJsonlHistory(text, 'h.jsonl')).toEqual(ops);
      }),
    );
  });

  it('writes one op per line with fields in a fixed order and bytes as {"$bytes": base64}', () => {
    const line = formatJsonlOp({ index: 3, process: 1, type: 'ok', f: 'read', key: 'k', value: new Uint8Array([1, 2]), time: 7, node: 'n1' });
    expect(line).toBe('{"index":3,"process":1,"type":"ok","f":"read","key":"k","value":{"$bytes":"AQI="},"time":7,"node":"n1"}');
  });

  it('names the file, line and problem of a broken history', () => {
    const cases: readonly [string, string][] = [
      ['{"index":0,"process":0,"type":"invoke","f":"read","value":null,"time":0}\n{oops', 'line 2'],
      ['{"index":0,"process":0,"type":"maybe","f":"read","value":null,"time":0}', '"type" must be one of'],
      ['{"index":0,"process":0,"type":"ok","f":"read","value":null}', '"time" must be a number'],
      ['{"index":1,"process":0,"type":"ok","f":"read","value":null,"time":0}\n{"index":1,"process":0,"type":"ok","f":"read","value":null,"time":0}', 'index 1 does not follow 1'],
      ['[1,2]', 'one JSON object'],
      ['{"index":0,"process":0,"type":"ok","f":"read","value":{"$bytes":"!!"},"time":0}', '$bytes'],
    ];
    for (const [text, expected] of cases) {
      let caught: unknown;
      try {
        parseJsonlHistory(text, 'bad.jsonl');
      } catch (error: unknown) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).file).toBe('bad.jsonl');
      expect((caught as InputError).message).toContain(expected);
    }
  });

  it('skips blank lines', () => {
    const text = '\n{"index":0,"process":0,"type":"invoke","f":"read","value":null,"time":0}\n\n';
    expect(parseJsonlHistory(text, 'h.jsonl')).toHaveLength(1);
  });
});
