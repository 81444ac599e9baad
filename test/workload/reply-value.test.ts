import { describe, expect, test } from 'vitest';
import { RespError } from '../../src/store/protocol/reply-decoder.js';
import { historyElementsOf, historyValueOf, historyValueOfBulk } from '../../src/workload/reply-value.js';

describe('reply values in the history', () => {
  test('bulk integers become numbers so they equal the integers the workload wrote', () => {
    expect(historyValueOfBulk(Buffer.from('3'))).toBe(3);
    expect(historyValueOfBulk(Buffer.from('-42'))).toBe(-42);
  });

  test('text that is not a canonical integer stays text', () => {
    expect(historyValueOfBulk(Buffer.from('03'))).toBe('03');
    expect(historyValueOfBulk(Buffer.from('1,2,'))).toBe('1,2,');
    expect(historyValueOfBulk(Buffer.from('12345678901234567890'))).toBe('12345678901234567890');
  });

  test('nil is null, arrays convert element-wise, errors keep their message', () => {
    expect(historyValueOf(null)).toBeNull();
    expect(historyValueOf([Buffer.from('1'), Buffer.from('x')])).toEqual([1, 'x']);
    expect(historyValueOf(new RespError('ERR boom'))).toBe('ERR boom');
  });

  test('set members are sorted, list elements keep their order', () => {
    const reply = [Buffer.from('10'), Buffer.from('2'), Buffer.from('7')];
    expect(historyElementsOf(reply, true)).toEqual([2, 7, 10]);
    expect(historyElementsOf(reply, false)).toEqual([10, 2, 7]);
    expect(historyElementsOf(Buffer.from('x'), false)).toBeNull();
  });
});
