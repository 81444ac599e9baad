import { describe, expect, it } from 'vitest';
import { checkDurabilityContract } from '../../../src/checker/durability/check-durability.js';
import type { DurabilityInput, PersistenceSummary } from '../../../src/checker/durability/durability-input.js';
import type { FaultWindow } from '../../../src/checker/fault-window.js';
import { atomic, history } from '../support/history-rows.js';

const noPersistence: PersistenceSummary = { appendonly: false, appendfsync: 'everysec', rdbSnapshots: false };
const writes = history(...atomic(0, 'write', 1, 'ok', 'a'), ...atomic(0, 'write', 2, 'ok', 'a'), ...atomic(1, 'add', 'x', 'ok', 's'), ...atomic(1, 'append', 'p', 'ok', 'l'));
/** The writes happen at 0..70 µs; a kill at 1000 µs comes after all of them. */
const killAfter: FaultWindow = { startUs: 1000, endUs: 2000, kind: 'kill', target: 'n1' };

function input(recovered: DurabilityInput['recovered'], faults: readonly FaultWindow[], persistence = noPersistence): DurabilityInput {
  return { history: writes, persistence, faults, recovered };
}

describe('durability contract: no persistence', () => {
  it('allows nothing acknowledged to be lost when no process was killed', () => {
    const kept = checkDurabilityContract(input({ a: 2, s: ['x'], l: 'p' }, []));
    expect(kept).toMatchObject({ valid: true, rule: 'no-persistence', acknowledgedWrites: 4, lost: [] });
    const lost = checkDurabilityContract(input({ a: 1, s: [], l: 'p' }, []));
    expect(lost.valid).toBe(false);
    expect(lost.lostForbidden.map((write) => [write.key, write.expected])).toEqual([
      ['a', 2],
      ['s', 'x'],
    ]);
  });

  it('allows a kill or power loss after the writes to lose everything', () => {
    for (const kind of ['kill', 'power-loss']) {
      const result = checkDurabilityContract(input({}, [{ ...killAfter, kind }]));
      expect(result.valid).toBe(true);
      expect(result.lost).toHaveLength(3);
      expect(result.lostForbidden).toEqual([]);
    }
  });

  it('does not let a kill excuse losing writes made after it', () => {
    const killBefore: FaultWindow = { startUs: 0, endUs: 5, kind: 'kill' };
    const result = checkDurabilityContract(input({ a: 2, s: [], l: 'p' }, [killBefore]));
    expect(result.valid).toBe(false);
    expect(result.lostForbidden.map((write) => write.key)).toEqual(['s']);
  });

  it('does not count other faults (a partition) as an excuse', () => {
    expect(checkDurabilityContract(input({}, [{ startUs: 1000, endUs: 2000, kind: 'partition' }])).valid).toBe(false);
  });

  it("is 'unknown' for a persistence configuration no rule governs", () => {
    const aof: PersistenceSummary = { appendonly: true, appendfsync: 'always', rdbSnapshots: false };
    expect(checkDurabilityContract(input({ a: 2, s: ['x'], l: 'p' }, [], aof), [])).toMatchObject({ valid: 'unknown', rule: null });
  });

  it('takes extra rules, first match wins', () => {
    const everysec = { name: 'test-rule', statement: 'anything goes', governs: () => true, mayLose: () => true };
    expect(checkDurabilityContract(input({}, []), [everysec])).toMatchObject({ valid: true, rule: 'test-rule' });
  });
});
