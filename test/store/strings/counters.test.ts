import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { encodeRequest } from '../../../src/store/protocol/request-encoder.js';
import { bulk, error, int, notInteger, session, wrongType } from './session.js';

const LLONG_MAX = 2n ** 63n - 1n;
const LLONG_MIN = -(2n ** 63n);
const overflow = error('ERR increment or decrement would overflow');

describe('INCR, DECR, INCRBY, DECRBY', () => {
  it('count from a missing key and keep int encoding', () => {
    const { run } = session();
    expect(run('INCR', 'i')).toBe(int(1));
    expect(run('INCRBY', 'i', '10')).toBe(int(11));
    expect(run('DECR', 'i')).toBe(int(10));
    expect(run('DECRBY', 'i', '5')).toBe(int(5));
    expect(run('GET', 'i')).toBe(bulk('5'));
    expect(run('OBJECT', 'ENCODING', 'i')).toBe(bulk('int'));
  });

  it('refuse overflow in either direction', () => {
    const { run } = session();
    run('SET', 'i', '9223372036854775806');
    expect(run('INCR', 'i')).toBe(int(LLONG_MAX));
    expect(run('INCR', 'i')).toBe(overflow);
    expect(run('DECRBY', 'i', '-1')).toBe(overflow);
    expect(run('DECRBY', 'i', '-9223372036854775808')).toBe(error('ERR decrement would overflow'));
    run('SET', 'i', '-9223372036854775808');
    expect(run('DECR', 'i')).toBe(overflow);
    expect(run('GET', 'i')).toBe(bulk('-9223372036854775808'));
  });

  it.each(['abc', ' 1', '1 ', '01', '1.0', '', '9223372036854775808'])('refuse the non-integer value %j', (value) => {
    const { run } = session();
    run('SET', 'i', value);
    expect(run('INCR', 'i')).toBe(notInteger);
  });

  it('refuse a non-integer increment and another type', () => {
    const { run } = session();
    expect(run('INCRBY', 'i', 'x')).toBe(notInteger);
    expect(run('EXISTS', 'i')).toBe(int(0));
    run('RPUSH', 'l', 'x');
    expect(run('INCR', 'l')).toBe(wrongType);
  });

  it('results in 0..9999 are shared integers, others are not', () => {
    const { run } = session();
    run('SET', 'i', '10');
    expect(run('INCRBY', 'i', '9999')).toBe(int(10009));
    expect(run('OBJECT', 'REFCOUNT', 'i')).toBe(int(1));
    expect(run('INCRBY', 'i', '-10000')).toBe(int(9));
    expect(run('OBJECT', 'REFCOUNT', 'i')).toBe(int(2147483647));
  });

  it('cross the safe-integer bounds exactly over RESP (numbers inside them, bigints beyond)', () => {
    const store = createStore();
    const send = (...argv: string[]): string => store.sendRaw(encodeRequest(argv)).toString('latin1');
    send('SET', 'i', '9007199254740990');
    expect(send('INCR', 'i')).toBe(int(9007199254740991n));
    expect(send('INCR', 'i')).toBe(int(9007199254740992n));
    expect(send('INCR', 'i')).toBe(int(9007199254740993n));
    expect(send('DECRBY', 'i', '3')).toBe(int(9007199254740990n));
    expect(send('INCRBY', 'i', '-18014398509481981')).toBe(int(-9007199254740991n));
    expect(send('DECR', 'i')).toBe(int(-9007199254740992n));
    expect(send('INCRBY', 'i', '9007199254740992')).toBe(int(0));
    expect(send('OBJECT', 'REFCOUNT', 'i')).toBe(int(2147483647));
    expect(send('INCRBY', 'i', '9223372036854775807')).toBe(int(LLONG_MAX));
    expect(send('INCR', 'i')).toBe(overflow);
    expect(send('GET', 'i')).toBe(bulk(LLONG_MAX.toString()));
  });

  it('keep the TTL', () => {
    const { run } = session();
    run('SET', 'i', '1', 'EX', '100');
    run('INCR', 'i');
    expect(run('TTL', 'i')).toBe(int(100));
  });

  it('agree with a BigInt model, overflow included', () => {
    const { run } = session();
    const step = fc.oneof(fc.bigInt({ min: -1000n, max: 1000n }), fc.bigInt({ min: LLONG_MIN + 1n, max: LLONG_MAX }));
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (increments) => {
        run('DEL', 'counter');
        let model = 0n;
        for (const increment of increments) {
          const next = model + increment;
          if (next > LLONG_MAX || next < LLONG_MIN) {
            expect(run('INCRBY', 'counter', increment.toString())).toBe(overflow);
          } else {
            expect(run('INCRBY', 'counter', increment.toString())).toBe(int(next));
            model = next;
          }
        }
        expect(run('GET', 'counter')).toBe(increments.length === 0 ? '$-1\r\n' : bulk(model.toString()));
      }),
    );
  });
});

describe('INCRBYFLOAT (long double, %.17Lf trimmed)', () => {
  it.each([
    [undefined, '1.5', '1.5'],
    ['1.5', '0.1', '1.6'],
    ['10.5', '0.1', '10.6'],
    ['5', '-5', '0'],
    ['1.0e1', '0', '10'],
    ['5.0e3', '2.0e2', '5200'],
    ['0x10', '1', '17'],
    ['1', '1e-20', '1'],
    ['12345', '0.5', '12345.5'],
    ['-9223372036854775808', '0', '-9223372036854775808'],
  ])('%s + %s = %s', (start, increment, expected) => {
    const { run } = session();
    if (start !== undefined) run('SET', 'f', start);
    expect(run('INCRBYFLOAT', 'f', increment)).toBe(bulk(expected));
    expect(run('GET', 'f')).toBe(bulk(expected));
  });

  it('stores the text, never an int encoding', () => {
    const { run } = session();
    run('INCRBYFLOAT', 'f', '3');
    expect(run('OBJECT', 'ENCODING', 'f')).toBe(bulk('embstr'));
  });

  it('goes beyond the double range like Redis on x86-64', () => {
    const { run } = session();
    run('SET', 'f', '1e308');
    expect(run('INCRBYFLOAT', 'f', '1e308')).toBe(bulk('199999999999999999993371759311691291321120199694831134415594095989843469737676123744200253843777078640893494450108026446304269499187921167194841628860392837535918200039206381557326219209014213335878306791577877829121087126122536729803237260434173178506889763247582601711514636284849020905456510092687857156096'));
  });

  it.each([
    ['inf', error('ERR increment would produce NaN or Infinity')],
    ['nan', error('ERR value is not a valid float')],
    ['abc', error('ERR value is not a valid float')],
    [' 1', error('ERR value is not a valid float')],
    ['1 ', error('ERR value is not a valid float')],
  ])('refuses the increment %j', (increment, expected) => {
    const { run } = session();
    run('SET', 'f', '1');
    expect(run('INCRBYFLOAT', 'f', increment)).toBe(expected);
    expect(run('GET', 'f')).toBe(bulk('1'));
  });

  it('refuses a stored value that is not a float, and another type', () => {
    const { run } = session();
    run('SET', 'f', 'x');
    expect(run('INCRBYFLOAT', 'f', '1')).toBe(error('ERR value is not a valid float'));
    run('RPUSH', 'l', 'x');
    expect(run('INCRBYFLOAT', 'l', '1')).toBe(wrongType);
  });
});
