import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ReplicationBacklog } from '../../../src/store/replication/backlog.js';

describe('ReplicationBacklog', () => {
  it('holds exactly the last size bytes of the stream, at their offsets, whatever the chunking', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 0, max: 1000 }), fc.array(fc.uint8Array({ maxLength: 100 }), { maxLength: 30 }), (size, start, chunks) => {
        const backlog = new ReplicationBacklog(size, start);
        for (const chunk of chunks) backlog.append(chunk);
        const stream = Buffer.concat(chunks);
        const held = Math.min(size, stream.length);
        expect(backlog.masterOffset).toBe(start + stream.length);
        expect(backlog.historyLength).toBe(held);
        expect(backlog.firstByteOffset).toBe(start + stream.length - held + 1);
        for (let offset = backlog.firstByteOffset; offset <= backlog.masterOffset + 1; offset++) {
          expect(backlog.bytesFrom(offset)).toEqual(stream.subarray(offset - start - 1));
        }
        expect(backlog.holds(backlog.firstByteOffset - 1)).toBe(false);
        expect(backlog.holds(backlog.masterOffset + 2)).toBe(false);
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  it('resizing keeps the newest bytes that fit', () => {
    const backlog = new ReplicationBacklog(8, 0);
    backlog.append(Buffer.from('abcdefghij'));
    expect(backlog.bytesFrom(backlog.firstByteOffset).toString()).toBe('cdefghij');
    backlog.resize(4);
    expect(backlog.bytesFrom(backlog.firstByteOffset).toString()).toBe('ghij');
    expect(backlog.firstByteOffset).toBe(7);
    backlog.append(Buffer.from('kl'));
    expect(backlog.bytesFrom(9).toString()).toBe('ijkl');
  });
});
