import { ByteWriter } from '../rdb/byte-writer.js';

/** catAppendOnlyGenericCommand: `*argc`, then `$len` and the bytes of each argument. */
export function appendCommand(writer: ByteWriter, argv: readonly Uint8Array[]): void {
  writer.latin1(`*${argv.length}\r\n`);
  for (const argument of argv) {
    writer.latin1(`$${argument.length}\r\n`);
    writer.bytes(argument);
    writer.latin1('\r\n');
  }
}

export function encodeCommand(argv: readonly Uint8Array[]): Buffer {
  const writer = new ByteWriter(64);
  appendCommand(writer, argv);
  return writer.toBuffer();
}

/** The SELECT feedAppendOnlyFile writes when the target db changes. */
export function selectCommand(dbId: number): Buffer {
  const text = String(dbId);
  return Buffer.from(`*2\r\n$6\r\nSELECT\r\n$${text.length}\r\n${text}\r\n`, 'latin1');
}
