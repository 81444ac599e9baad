import { describe, expect, it } from 'vitest';
import { createStore } from '../../../../src/store/embedded.js';

/** What addReplyBulk writes per element, built the obvious way. */
function bulkArrayBytes(elements: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${elements.length}\r\n`)];
  for (const element of elements) parts.push(Buffer.from(`$${element.length}\r\n`), element, Buffer.from('\r\n'));
  return Buffer.concat(parts);
}

/** Lengths across the encoder's cases: empty, one to five length digits, byte loop and native copy. */
const lengths = [0, 1, 9, 10, 31, 32, 33, 99, 100, 1000, 9999, 10_000, 20_000];

function elementOf(length: number, seed: number): Buffer {
  return Buffer.from(Array.from({ length }, (_, index) => (index * 31 + seed * 7) & 0xff));
}

describe('LRANGE replies encoded from the packed list', () => {
  it('are byte for byte the bulk array of the elements, for every length and range', () => {
    const store = createStore();
    const elements = lengths.map((length, seed) => elementOf(length, seed));
    for (const element of elements) store.command(['RPUSH', 'l', element]);
    for (let start = 0; start < elements.length; start++) {
      for (const end of [start, start + 1, elements.length - 1]) {
        const reply = store.command(['LRANGE', 'l', String(start), String(end)]);
        expect(reply.equals(bulkArrayBytes(elements.slice(start, end + 1)))).toBe(true);
      }
    }
  });

  it('are the same bytes in RESP3', () => {
    const store = createStore();
    const elements = [Buffer.from('a'), elementOf(50, 1), Buffer.alloc(0)];
    store.command(['RPUSH', 'l', ...elements]);
    store.command(['HELLO', '3']);
    expect(store.command(['LRANGE', 'l', '0', '-1']).equals(bulkArrayBytes(elements))).toBe(true);
  });

  it('stay intact in a pipeline whose later commands change the list and fill the encoding slabs', () => {
    const store = createStore();
    const requests: string[] = [];
    const expected: Buffer[] = [];
    const model: Buffer[] = [];
    for (let round = 0; round < 300; round++) {
      const element = elementOf(round % 50, round);
      model.unshift(element);
      requests.push(`*3\r\n$5\r\nLPUSH\r\n$1\r\nl\r\n$${element.length}\r\n${element.toString('latin1')}\r\n`);
      expected.push(Buffer.from(`:${model.length}\r\n`));
      requests.push('*4\r\n$6\r\nLRANGE\r\n$1\r\nl\r\n$1\r\n0\r\n$2\r\n99\r\n');
      expected.push(bulkArrayBytes(model.slice(0, 100)));
    }
    const reply = store.sendRaw(Buffer.from(requests.join(''), 'latin1'));
    expect(reply.equals(Buffer.concat(expected))).toBe(true);
  });

  it('count the elements they reply as steps', () => {
    const store = createStore();
    store.command(['RPUSH', 'l', 'a', 'b', 'c', 'd']);
    const before = store.node.steps().get('lrange')?.steps ?? 0;
    store.command(['LRANGE', 'l', '1', '2']);
    store.command(['LRANGE', 'l', '0', '-1']);
    expect((store.node.steps().get('lrange')?.steps ?? 0) - before).toBe(2 + 4);
  });
});
