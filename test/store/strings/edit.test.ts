import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulk, error, int, notInteger, ok, session, wrongType } from './session.js';

const tooLong = error('ERR string exceeds maximum allowed size (proto-max-bulk-len)');

describe('APPEND', () => {
  it('creates like SET, then appends into a raw string', () => {
    const { run } = session();
    expect(run('APPEND', 'a', 'hello')).toBe(int(5));
    expect(run('OBJECT', 'ENCODING', 'a')).toBe(bulk('embstr'));
    expect(run('APPEND', 'a', ' world')).toBe(int(11));
    expect(run('GET', 'a')).toBe(bulk('hello world'));
    expect(run('OBJECT', 'ENCODING', 'a')).toBe(bulk('raw'));
    expect(run('APPEND', 'n', '123')).toBe(int(3));
    expect(run('OBJECT', 'ENCODING', 'n')).toBe(bulk('int'));
    expect(run('APPEND', 'n', '4')).toBe(int(4));
    expect(run('OBJECT', 'ENCODING', 'n')).toBe(bulk('raw'));
    expect(run('GET', 'n')).toBe(bulk('1234'));
  });

  it('refuses another type and a result beyond proto-max-bulk-len', () => {
    const { run } = session({ 'proto-max-bulk-len': '1mb' });
    run('RPUSH', 'l', 'x');
    expect(run('APPEND', 'l', 'x')).toBe(wrongType);
    expect(run('SETRANGE', 'big', String(1024 * 1024 - 1), 'x')).toBe(int(1024 * 1024));
    expect(run('APPEND', 'big', 'y')).toBe(tooLong);
    expect(run('STRLEN', 'big')).toBe(int(1024 * 1024));
  });
});

describe('SETRANGE', () => {
  it('zero-pads, overwrites, and makes the string raw', () => {
    const { run } = session();
    expect(run('SETRANGE', 's', '5', 'hi')).toBe(int(7));
    expect(run('GET', 's')).toBe(bulk('\0\0\0\0\0hi'));
    expect(run('OBJECT', 'ENCODING', 's')).toBe(bulk('raw'));
    expect(run('SETRANGE', 's', '0', 'X')).toBe(int(7));
    expect(run('GET', 's')).toBe(bulk('X\0\0\0\0hi'));
    run('SET', 'n', '123');
    expect(run('SETRANGE', 'n', '1', '9')).toBe(int(3));
    expect(run('GET', 'n')).toBe(bulk('193'));
    expect(run('OBJECT', 'ENCODING', 'n')).toBe(bulk('raw'));
  });

  it('an empty value changes nothing and creates nothing', () => {
    const { run } = session();
    expect(run('SETRANGE', 'none', '0', '')).toBe(int(0));
    expect(run('SETRANGE', 'none', '10', '')).toBe(int(0));
    expect(run('EXISTS', 'none')).toBe(int(0));
    run('SET', 's', 'abc');
    expect(run('SETRANGE', 's', '100', '')).toBe(int(3));
    expect(run('OBJECT', 'ENCODING', 's')).toBe(bulk('embstr'));
  });

  it('refuses bad offsets, too long results and other types', () => {
    const { run } = session();
    run('RPUSH', 'l', 'x');
    expect(run('SETRANGE', 's', '-1', 'x')).toBe(error('ERR offset is out of range'));
    expect(run('SETRANGE', 's', 'x', 'a')).toBe(notInteger);
    expect(run('SETRANGE', 's', '536870912', 'x')).toBe(tooLong);
    expect(run('SETRANGE', 's', '9223372036854775807', 'a')).toBe(tooLong);
    expect(run('SETRANGE', 'l', '0', 'x')).toBe(wrongType);
    expect(run('EXISTS', 's')).toBe(int(0));
  });

  it('agrees with a Buffer model under random SETRANGE, APPEND and GETRANGE', () => {
    const { run, store } = session();
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('setrange' as const), offset: fc.nat(64), data: fc.uint8Array({ maxLength: 12 }) }),
      fc.record({ kind: fc.constant('append' as const), data: fc.uint8Array({ maxLength: 12 }) }),
      fc.record({ kind: fc.constant('set' as const), data: fc.uint8Array({ maxLength: 12 }) }),
      fc.record({ kind: fc.constant('getrange' as const), start: fc.integer({ min: -80, max: 80 }), end: fc.integer({ min: -80, max: 80 }) }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 25 }), (operations) => {
        run('DEL', 'm');
        let model: Buffer | undefined;
        for (const op of operations) {
          if (op.kind === 'set') {
            model = Buffer.from(op.data);
            expect(store.command(['SET', 'm', model]).toString('latin1')).toBe(ok);
          } else if (op.kind === 'append') {
            model = Buffer.concat([model ?? Buffer.alloc(0), op.data]);
            expect(store.command(['APPEND', 'm', Buffer.from(op.data)]).toString('latin1')).toBe(int(model.length));
          } else if (op.kind === 'setrange') {
            if (op.data.length > 0) {
              const grown = Buffer.alloc(Math.max(model?.length ?? 0, op.offset + op.data.length));
              model?.copy(grown);
              Buffer.from(op.data).copy(grown, op.offset);
              model = grown;
            }
            expect(store.command(['SETRANGE', 'm', String(op.offset), Buffer.from(op.data)]).toString('latin1')).toBe(int(model?.length ?? 0));
          } else {
            const reply = store.command(['GETRANGE', 'm', String(op.start), String(op.end)]);
            expect(reply).toEqual(bulkBytes(getrangeModel(model ?? Buffer.alloc(0), op.start, op.end)));
          }
        }
      }),
    );
  });
});

function bulkBytes(data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`$${data.length}\r\n`), data, Buffer.from('\r\n')]);
}

function getrangeModel(data: Buffer, startGiven: number, endGiven: number): Buffer {
  const length = data.length;
  if (startGiven < 0 && endGiven < 0 && startGiven > endGiven) return Buffer.alloc(0);
  const start = Math.max(0, startGiven < 0 ? length + startGiven : startGiven);
  const end = Math.min(length - 1, Math.max(0, endGiven < 0 ? length + endGiven : endGiven));
  return start > end || length === 0 ? Buffer.alloc(0) : data.subarray(start, end + 1);
}
