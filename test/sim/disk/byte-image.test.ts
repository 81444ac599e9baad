import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteImage } from '../../../src/sim/disk/byte-image.js';

type Operation = { kind: 'write'; position: number; data: number[] } | { kind: 'truncate'; size: number };

const operations = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant('write' as const), position: fc.integer({ min: 0, max: 300 }), data: fc.array(fc.integer({ min: 1, max: 255 }), { maxLength: 100 }) }),
    fc.record({ kind: fc.constant('truncate' as const), size: fc.integer({ min: 0, max: 400 }) }),
  ),
  { maxLength: 30 },
);

describe('ByteImage', () => {
  it('behaves like a plain array of bytes, with zeros in every hole', () => {
    fc.assert(
      fc.property(operations, (steps: Operation[]) => {
        const image = new ByteImage();
        let reference: number[] = [];
        for (const step of steps) {
          if (step.kind === 'write') {
            image.write(step.position, Uint8Array.from(step.data));
            while (reference.length < step.position) reference.push(0);
            step.data.forEach((byte, offset) => (reference[step.position + offset] = byte));
          } else {
            image.truncate(step.size);
            reference = reference.slice(0, step.size);
            while (reference.length < step.size) reference.push(0);
          }
          expect([...image.view()]).toEqual(reference);
        }
        expect([...image.read(10, 20)]).toEqual(reference.slice(10, 30));
        expect([...image.clone().view()]).toEqual(reference);
      }),
    );
  });
});
