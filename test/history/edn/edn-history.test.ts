import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { formatEdnHistory, parseEdnHistory } from '../../../src/history/edn/edn-history.js';
import type { Op } from '../../../src/history/op.js';
import { opsArbitrary } from '../op-arbitrary.js';

function problemOf(text: string): InputError {
  try {
    parseEdnHistory(text, 'h.edn');
  } catch (error: unknown) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no error');
}

describe('EDN histories', () => {
  it('reads a Knossos-style vector of op maps with comments, nemesis ops and :error', () => {
    const text = `; header\n[{:process 0, :type :invoke, :f :cas, :value [1 2]}\n {:process :nemesis :type :info :f :kill :value nil}\n ; note\n {:process 0, :type :fail, :f :cas, :value [1 2], :error [:timeout nil]}]`;
    expect(parseEdnHistory(text, 'h.edn')).toEqual([
      { index: 0, process: 0, type: 'invoke', f: 'cas', value: [1, 2], time: 0 },
      { index: 1, process: 'nemesis', type: 'info', f: 'kill', value: null, time: 0 },
      { index: 2, process: 0, type: 'fail', f: 'cas', value: [1, 2], time: 0, error: ['timeout', null] },
    ]);
  });

  it('reads a list, one map per line, and #jepsen.history.Op records; keeps :index and converts :time from ns to µs', () => {
    const list = parseEdnHistory('({:process 1 :type :invoke :f :read :value nil :time 5000 :index 7})', 'h.edn');
    expect(list).toEqual([{ index: 7, process: 1, type: 'invoke', f: 'read', value: null, time: 5 }]);
    const lines = parseEdnHistory('{:process 1 :type :invoke :f :read :value nil}\n#jepsen.history.Op{:process 1 :type :ok :f :read :value 3 :key "k"}', 'h.edn');
    expect(lines.map((op) => [op.index, op.type, op.value, op.key])).toEqual([
      [0, 'invoke', null, undefined],
      [1, 'ok', 3, 'k'],
    ]);
  });

  it('reads micro-op transactions and sets as lists of plain values', () => {
    const [op] = parseEdnHistory('[{:process 0 :type :ok :f :txn :value [[:read :x 1] [:write :y #{2 3}]]}]', 'h.edn');
    expect(op?.value).toEqual([['read', 'x', 1], ['write', 'y', [2, 3]]]);
  });

  it('names the line and the problem of a malformed op', () => {
    expect(problemOf('[{:process 0 :type :invoke :f :read :value nil}\n {:process 0 :f :read :value nil}]')).toMatchObject({ where: 'line 2' });
    expect(problemOf('[{:process 0 :type :invoke :f :read :value nil}\n {:process 0 :f :read :value nil}]').problem).toContain(':type');
    expect(problemOf('[{:process 0 :type :ok :value 1}]').problem).toContain(':f');
    expect(problemOf('[{:process "x" :type :ok :f :read :value 1}] [1]').problem).toContain('must be a map');
    expect(problemOf('[{:process 1.5 :type :ok :f :read}]').problem).toContain(':process');
    expect(problemOf('[{:index 3 :process 1 :type :ok :f :read} {:index 2 :process 1 :type :ok :f :read}]').problem).toContain('does not follow');
  });

  it('writes a history Jepsen tools can read and reads it back unchanged', () => {
    fc.assert(
      fc.property(opsArbitrary, (ops) => {
        const text = formatEdnHistory(ops);
        const roundTripped = parseEdnHistory(text, 'h.edn');
        expect(roundTripped).toEqual(ops.map((op) => ({ ...op })));
      }),
      { numRuns: 200 },
    );
  });

  it('writes keywords for :type, :f and :nemesis, and :time in ns', () => {
    const ops: Op[] = [{ index: 0, process: 'nemesis', type: 'info', f: 'kill', value: 'n1', time: 2 }];
    expect(formatEdnHistory(ops)).toBe('[{:index 0, :time 2000, :type :info, :process :nemesis, :f :kill, :value "n1"}]\n');
  });
});
