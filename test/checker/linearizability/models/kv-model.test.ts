import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../../../src/checker/linearizability/check-linearizability.js';
import { atomic, history } from '../../support/history-rows.js';

const kv = { model: 'kv' } as const;

describe('kv model', () => {
  it('concatenates appends onto a put, and onto a missing key as onto ""', () => {
    expect(checkLinearizability(history(...atomic(0, 'put', 'a', 'ok', 'k'), ...atomic(0, 'append', 'b', 'ok', 'k'), ...atomic(1, 'get', 'ab', 'ok', 'k')), kv).valid).toBe(true);
    expect(checkLinearizability(history(...atomic(0, 'append', 'x', 'ok', 'k'), ...atomic(1, 'get', 'x', 'ok', 'k')), kv).valid).toBe(true);
  });

  it('rejects a get that shows appends in the wrong order or a missing put', () => {
    const appends = [...atomic(0, 'append', 'a', 'ok', 'k'), ...atomic(0, 'append', 'b', 'ok', 'k')];
    expect(checkLinearizability(history(...appends, ...atomic(1, 'get', 'ba', 'ok', 'k')), kv).valid).toBe(false);
    expect(checkLinearizability(history(...atomic(0, 'put', 'v', 'ok', 'k'), ...atomic(1, 'get', null, 'ok', 'k')), kv).valid).toBe(false);
  });

  it('orders concurrent appends either way', () => {
    const concurrent = (seen: string) =>
      history([0, 'invoke', 'append', 'a', 'k'], [1, 'invoke', 'append', 'b', 'k'], [0, 'ok', 'append', 'a', 'k'], [1, 'ok', 'append', 'b', 'k'], ...atomic(2, 'get', seen, 'ok', 'k'));
    expect(checkLinearizability(concurrent('ab'), kv).valid).toBe(true);
    expect(checkLinearizability(concurrent('ba'), kv).valid).toBe(true);
    expect(checkLinearizability(concurrent('a'), kv).valid).toBe(false);
  });

  it('checks the length an APPEND replied when the completion recorded it', () => {
    const replied = (length: number) => history([0, 'invoke', 'append', 'abc', 'k'], [0, 'ok', 'append', length, 'k']);
    expect(checkLinearizability(replied(3), kv).valid).toBe(true);
    expect(checkLinearizability(replied(4), kv).valid).toBe(false);
  });

  it('lets an info append apply late or never, and ignores failed ones', () => {
    const info = [...atomic(0, 'append', 'z', 'info', 'k')];
    expect(checkLinearizability(history(...info, ...atomic(1, 'get', null, 'ok', 'k'), ...atomic(1, 'get', 'z', 'ok', 'k')), kv).valid).toBe(true);
    expect(checkLinearizability(history(...atomic(0, 'append', 'z', 'fail', 'k'), ...atomic(1, 'get', 'z', 'ok', 'k')), kv).valid).toBe(false);
  });
});
