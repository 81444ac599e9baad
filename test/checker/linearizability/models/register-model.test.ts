import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../../../src/checker/linearizability/check-linearizability.js';
import { atomic, history } from '../../support/history-rows.js';

const register = { model: 'register' } as const;

describe('register model', () => {
  it('accepts a write then a read of it, and rejects a read of a value never written', () => {
    expect(checkLinearizability(history(...atomic(0, 'write', 1), ...atomic(1, 'read', 1)), register).valid).toBe(true);
    expect(checkLinearizability(history(...atomic(0, 'write', 1), ...atomic(1, 'read', 2)), register).valid).toBe(false);
  });

  it('lets a read concurrent with a write see either value', () => {
    for (const seen of [null, 1]) {
      const concurrent = history([0, 'invoke', 'write', 1], [1, 'invoke', 'read', null], [1, 'ok', 'read', seen], [0, 'ok', 'write', 1]);
      expect(checkLinearizability(concurrent, register).valid).toBe(true);
    }
  });

  it('rejects a stale read: the value was overwritten before the read began', () => {
    const stale = history(...atomic(0, 'write', 1), ...atomic(0, 'write', 2), ...atomic(1, 'read', 1));
    const result = checkLinearizability(stale, register);
    expect(result.valid).toBe(false);
    if (result.valid === false) {
      expect(result.failedOp.invoke.index).toBe(4);
      expect(result.window.map((op) => op.index)).toEqual([0, 1, 2, 3, 4, 5]);
    }
  });

  it('treats nil as a missing key by default: a nil read after an acknowledged write is invalid', () => {
    expect(checkLinearizability(history(...atomic(1, 'read', null), ...atomic(0, 'write', 1)), register).valid).toBe(true);
    expect(checkLinearizability(history(...atomic(0, 'write', 1), ...atomic(1, 'read', null)), register).valid).toBe(false);
  });

  it("follows Knossos when the initial value is not nil: a nil read says nothing", () => {
    const nilRead = history(...atomic(0, 'write', 1), ...atomic(1, 'read', null));
    expect(checkLinearizability(nilRead, { model: 'register', initialValue: 0 }).valid).toBe(true);
    expect(checkLinearizability(nilRead, { model: 'register', initialValue: 0, nilReadIsUnknown: false }).valid).toBe(false);
    expect(checkLinearizability(history(...atomic(1, 'read', 0)), { model: 'register', initialValue: 0 }).valid).toBe(true);
  });

  it('lets an info write take effect long after it timed out', () => {
    const late = history(...atomic(0, 'write', 1, 'info'), ...atomic(1, 'read', null), ...atomic(1, 'read', null), ...atomic(2, 'read', 1));
    expect(checkLinearizability(late, register).valid).toBe(true);
  });

  it('lets an info write never take effect, but at most once', () => {
    const never = history(...atomic(0, 'write', 1, 'info'), ...atomic(1, 'read', null));
    expect(checkLinearizability(never, register).valid).toBe(true);
    const flipFlop = history(...atomic(0, 'write', 1, 'info'), ...atomic(1, 'read', 1), ...atomic(1, 'read', null));
    expect(checkLinearizability(flipFlop, register).valid).toBe(false);
  });

  it('treats an invocation with no completion like info', () => {
    const pending = history([0, 'invoke', 'write', 7], ...atomic(1, 'read', null), ...atomic(1, 'read', 7));
    expect(checkLinearizability(pending, register).valid).toBe(true);
  });

  it('ignores failed writes: they certainly did not happen', () => {
    expect(checkLinearizability(history(...atomic(0, 'write', 2, 'fail'), ...atomic(1, 'read', null)), register).valid).toBe(true);
    expect(checkLinearizability(history(...atomic(0, 'write', 2, 'fail'), ...atomic(1, 'read', 2)), register).valid).toBe(false);
  });

  it('checks keys apart and names the key of a violation', () => {
    const keyed = history(...atomic(0, 'write', 1, 'ok', 'a'), ...atomic(1, 'read', null, 'ok', 'b'), ...atomic(1, 'read', 1, 'ok', 'a'));
    expect(checkLinearizability(keyed, register)).toMatchObject({ valid: true, partitions: 2 });
    const crossed = history(...atomic(0, 'write', 1, 'ok', 'a'), ...atomic(1, 'read', 1, 'ok', 'b'));
    expect(checkLinearizability(crossed, register)).toMatchObject({ valid: false, key: 'b' });
  });

  it("answers 'unknown' for an operation the model does not know, and for a history that does not pair up", () => {
    expect(checkLinearizability(history(...atomic(0, 'cas', [null, 1])), register)).toMatchObject({ valid: 'unknown', reason: 'unsupported-op' });
    const unpaired = history([0, 'ok', 'read', 1]);
    expect(checkLinearizability(unpaired, register)).toMatchObject({ valid: 'unknown', reason: 'malformed-history' });
  });

  it('skips nemesis ops', () => {
    const withFaults = history(['nemesis', 'info', 'kill', null], ...atomic(0, 'write', 1), ['nemesis', 'info', 'start', null], ...atomic(1, 'read', 1));
    expect(checkLinearizability(withFaults, register).valid).toBe(true);
  });

  it('sees bytes and the string they spell as the same value', () => {
    const bytes = history(...atomic(0, 'write', 'v1'), ...atomic(1, 'read', new TextEncoder().encode('v1')));
    expect(checkLinearizability(bytes, register).valid).toBe(true);
  });
});

describe('cas-register model', () => {
  const casRegister = { model: 'cas-register' } as const;

  it('applies a cas whose expected value holds', () => {
    expect(checkLinearizability(history(...atomic(0, 'cas', [null, 1]), ...atomic(1, 'read', 1)), casRegister).valid).toBe(true);
    expect(checkLinearizability(history(...atomic(0, 'write', 3), ...atomic(0, 'cas', [3, 4]), ...atomic(1, 'read', 4)), casRegister).valid).toBe(true);
  });

  it('rejects an ok cas whose expected value could not hold', () => {
    expect(checkLinearizability(history(...atomic(0, 'write', 3), ...atomic(0, 'cas', [5, 4])), casRegister).valid).toBe(false);
  });

  it('ignores a failed cas and lets an info cas apply late or never', () => {
    expect(checkLinearizability(history(...atomic(0, 'cas', [null, 1], 'fail'), ...atomic(1, 'read', null)), casRegister).valid).toBe(true);
    const late = history(...atomic(0, 'cas', [null, 1], 'info'), ...atomic(1, 'read', null), ...atomic(1, 'read', 1));
    expect(checkLinearizability(late, casRegister).valid).toBe(true);
    const impossible = history(...atomic(0, 'write', 5), ...atomic(0, 'cas', [null, 1], 'info'), ...atomic(1, 'read', 1));
    expect(checkLinearizability(impossible, casRegister).valid).toBe(false);
  });

  it('rejects a cas whose value is not [expected new]', () => {
    expect(checkLinearizability(history(...atomic(0, 'cas', 3)), casRegister)).toMatchObject({ valid: 'unknown', reason: 'unsupported-op' });
  });
});
