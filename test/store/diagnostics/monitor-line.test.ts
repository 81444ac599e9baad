import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monitorLine, quotedRepresentation } from '../../../src/store/server/monitor-line.js';

/** sdssplitargs's reading of a quoted argument: the inverse of sdscatrepr. */
function unquoted(text: string): Buffer {
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, a: 7, b: 8, '"': 34, '\\': 92 };
  for (let index = 1; index < text.length - 1; index++) {
    const char = text[index] as string;
    if (char !== '\\') {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    const next = text[index + 1] as string;
    if (next === 'x') {
      bytes.push(parseInt(text.slice(index + 2, index + 4), 16));
      index += 3;
    } else {
      bytes.push(escapes[next] as number);
      index += 1;
    }
  }
  return Buffer.from(bytes);
}

describe('MONITOR lines', () => {
  it('quote every byte string reversibly, with printable ASCII only and no CR or LF', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (raw) => {
        const text = quotedRepresentation(Buffer.from(raw));
        expect(text).toMatch(/^"[\x20-\x7e]*"$/);
        expect(unquoted(text)).toEqual(Buffer.from(raw));
      }),
    );
  });

  it('prefix the time with six-digit microseconds and the db and client, or lua for scripts', () => {
    expect(monitorLine(1_700_000_000_000_042, 3, { kind: 'address', address: '10.0.0.1:7000' }, [Buffer.from('GET'), Buffer.from('k')])).toBe('1700000000.000042 [3 10.0.0.1:7000] "GET" "k"');
    expect(monitorLine(5_123_456, 0, { kind: 'script' }, [Buffer.from('set')])).toBe('5.123456 [0 lua] "set"');
  });
});
