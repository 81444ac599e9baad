import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { detectHistoryFormat, formatHistory, parseHistory } from '../../src/history/history-format.js';
import type { Op } from '../../src/history/op.js';

const ops: Op[] = [
  { index: 0, process: 0, type: 'invoke', f: 'write', key: 'k', value: 1, time: 1 },
  { index: 1, process: 0, type: 'ok', f: 'write', key: 'k', value: 1, time: 2 },
];

describe('history files', () => {
  it('detect the format by extension, else by content', () => {
    expect(detectHistoryFormat('a.jsonl', '[')).toBe('jsonl');
    expect(detectHistoryFormat('a.EDN', '{"')).toBe('edn');
    expect(detectHistoryFormat('history', '; c\n{"index":0}')).toBe('jsonl');
    expect(detectHistoryFormat('history', '\n[{:process 0}]')).toBe('edn');
    expect(detectHistoryFormat('history', '{:process 0}')).toBe('edn');
  });

  it('read either format back to the same ops', () => {
    expect(parseHistory(formatHistory(ops, 'jsonl'), 'x.jsonl')).toEqual(ops);
    expect(parseHistory(formatHistory(ops, 'edn'), 'x.edn')).toEqual(ops);
    expect(parseHistory(formatHistory(ops, 'edn'), 'no-extension')).toEqual(ops);
  });

  it('refuse a history whose invocations and completions do not pair up, naming the op', () => {
    const unpaired = formatHistory([ops[1] as Op], 'jsonl');
    expect(() => parseHistory(unpaired, 'x.jsonl')).toThrow(InputError);
    expect(() => parseHistory(unpaired, 'x.jsonl')).toThrow('x.jsonl: op 1: a ok of process 0 without a pending invoke');
  });
});
