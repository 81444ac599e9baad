import { assert } from '../core/assert.js';
import { decimalLength } from './protocol/byte-writing.js';
import { rememberArgumentText } from './keyspace/argument-text.js';
import { slabView } from './types/slab-bytes.js';

/** Arguments are copied into slabs of this size (a bigger argument gets its own). */
const SLAB_BYTES = 64 * 1024;

/** Command names, as Buffers shared by every command that names them so (nobody writes to an argument). */
const nameBuffers = new Map<string, Buffer>();
const NAME_BUFFERS_MAX = 1024;

/**
 * Turns embedded-call arguments into the Buffers the request parser would
 * produce: strings are UTF-8 encoded (as `encodeRequest` sends them), Buffers
 * are copied. Bytes go into write-once slabs (a region handed out is never
 * written again, as with Node's Buffer pool), so a handler may keep an
 * argument. An ASCII string's text is remembered as its latin1 text.
 * After `convert`, the fields describe the request it converted.
 */
export class ArgumentConverter {
  /** The bytes of the RESP multibulk request (net_input_bytes). */
  requestBytes = 0;
  /** The bytes of the arguments themselves (argv-mem). */
  argumentBytes = 0;
  private slab = new ArrayBuffer(SLAB_BYTES);
  private slabBytes = new Uint8Array(this.slab);
  private writeAt = 0;

  convert(argv: readonly (string | Buffer)[]): Buffer[] {
    const converted: Buffer[] = new Array<Buffer>(argv.length);
    let headerBytes = 1 + decimalLength(argv.length) + 2;
    let argumentBytes = 0;
    for (let index = 0; index < argv.length; index++) {
      const argument = argv[index] as string | Buffer;
      const bytes = typeof argument !== 'string' ? this.copy(argument) : index === 0 ? this.commandName(argument) : this.fromString(argument, index);
      converted[index] = bytes;
      headerBytes += 1 + (bytes.length < 10 ? 1 : decimalLength(bytes.length)) + 2 + 2;
      argumentBytes += bytes.length;
    }
    this.requestBytes = headerBytes + argumentBytes;
    this.argumentBytes = argumentBytes;
    return converted;
  }

  /** argv[0]: one Buffer per distinct name string. */
  private commandName(text: string): Buffer {
    let bytes = nameBuffers.get(text);
    if (bytes === undefined) {
      bytes = this.fromString(text, 0);
      if (nameBuffers.size < NAME_BUFFERS_MAX) nameBuffers.set(text, bytes);
    } else if (bytes.length === text.length) {
      rememberArgumentText(0, bytes, text);
    }
    return bytes;
  }

  private fromString(text: string, index: number): Buffer {
    if (text.length > SLAB_BYTES / 4) return Buffer.from(text, 'utf8');
    this.reserve(text.length * 3);
    const start = this.writeAt;
    const target = this.slabBytes;
    let at = start;
    for (let position = 0; position < text.length; position++) {
      const code = text.charCodeAt(position);
      if (code >= 0x80) return this.fromUnicodeString(text, start);
      target[at++] = code;
    }
    this.writeAt = at;
    const view = this.view(start, at - start);
    rememberArgumentText(index, view, text);
    return view;
  }

  /** A string with non-ASCII characters: UTF-8 (lone surrogates become U+FFFD, as Buffer.from does). */
  private fromUnicodeString(text: string, start: number): Buffer {
    const written = Buffer.from(this.slab, start, this.slabBytes.length - start).write(text, 'utf8');
    assert(written === Buffer.byteLength(text, 'utf8'), 'a reserved region holds the whole UTF-8 text');
    this.writeAt = start + written;
    return this.view(start, written);
  }

  private copy(data: Buffer): Buffer {
    assert(data instanceof Uint8Array, 'an argument is a string or a Buffer');
    if (data.length > SLAB_BYTES / 4) return Buffer.from(data);
    this.reserve(data.length);
    const start = this.writeAt;
    this.slabBytes.set(data, start);
    this.writeAt = start + data.length;
    return this.view(start, data.length);
  }

  private view(start: number, length: number): Buffer {
    return slabView(this.slab, start, length);
  }

  /** Room for `bytes` more; a full slab is left to the views it handed out. */
  private reserve(bytes: number): void {
    if (this.writeAt + bytes <= SLAB_BYTES) return;
    this.slab = new ArrayBuffer(SLAB_BYTES);
    this.slabBytes = new Uint8Array(this.slab);
    this.writeAt = 0;
  }
}
