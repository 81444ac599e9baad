import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';

/** Redis's intset blob: encoding (2, 4 or 8 bytes per value), count, values ascending, all little-endian. */
export function encodeIntset(values: readonly bigint[], widthBytes: 2 | 4 | 8): Buffer {
  const writer = new ByteWriter(8 + values.length * widthBytes);
  writer.uint32LE(widthBytes).uint32LE(values.length);
  for (const value of values) {
    if (widthBytes === 8) writer.bigInt64LE(value);
    else if (widthBytes === 4) writer.uint32LE(Number(BigInt.asUintN(32, value)));
    else writer.uint16LE(Number(BigInt.asUintN(16, value)));
  }
  return writer.toBuffer();
}

/** The values of an intset blob; checks the encoding, the size and the strict ascending order (intsetValidateIntegrity). */
export function decodeIntset(blob: Buffer, baseOffset = 0): { readonly values: bigint[]; readonly widthBytes: 2 | 4 | 8 } {
  const reader = new ByteReader(blob, 0, baseOffset);
  const widthBytes = reader.uint32LE('intset encoding');
  if (widthBytes !== 2 && widthBytes !== 4 && widthBytes !== 8) return reader.fail(`invalid intset encoding ${widthBytes}`, 0);
  const count = reader.uint32LE('intset length');
  if (blob.length !== 8 + count * widthBytes) reader.fail(`intset of ${count} values of ${widthBytes} bytes cannot be ${blob.length} bytes`, 4);
  const values: bigint[] = [];
  for (let index = 0; index < count; index++) {
    const at = reader.position;
    const value = widthBytes === 8 ? reader.bigInt64LE('intset value') : BigInt(widthBytes === 4 ? reader.bytes(4, 'intset value').readInt32LE(0) : reader.bytes(2, 'intset value').readInt16LE(0));
    const previous = values[values.length - 1];
    if (previous !== undefined && value <= previous) reader.fail('intset values are not strictly ascending', at);
    values.push(value);
  }
  return { values, widthBytes };
}
