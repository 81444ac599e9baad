import { LinkInput } from './link-input.js';

/** How many bytes of RDB one full sync may carry (a guard against a corrupt header). */
const PAYLOAD_BYTES_MAX = 8 * 1024 * 1024 * 1024;

export type PayloadProgress =
  | { readonly kind: 'waiting' }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'done'; readonly rdb: Buffer };

/**
 * readSyncBulkPayload's framing: newlines the master sends while it prepares
 * the RDB are skipped; then either `$<len>\r\n` and len bytes (disk-based),
 * or `$EOF:<40-byte mark>\r\n`, the RDB, and the mark again (diskless).
 */
export class SyncPayloadReader {
  private lengthBytes: number | undefined;
  private eofMark: Buffer | undefined;
  private readonly parts: Buffer[] = [];
  private receivedBytes = 0;

  /** Bytes of RDB received so far (master_sync_read_bytes). */
  get readBytes(): number {
    return this.receivedBytes;
  }

  /** The announced size, or 0 for diskless (master_sync_total_bytes is -1 then in Redis). */
  get totalBytes(): number {
    return this.lengthBytes ?? -1;
  }

  read(input: LinkInput): PayloadProgress {
    if (this.lengthBytes === undefined && this.eofMark === undefined) {
      const header = this.readHeader(input);
      if (header !== undefined) return header;
      if (this.lengthBytes === undefined && this.eofMark === undefined) return { kind: 'waiting' };
    }
    return this.eofMark !== undefined ? this.readUntilMark(input, this.eofMark) : this.readLength(input, this.lengthBytes ?? 0);
  }

  private readHeader(input: LinkInput): PayloadProgress | undefined {
    for (;;) {
      const line = input.readLine();
      if (line === undefined) return undefined;
      if (line.length === 0) continue;
      if (line.startsWith('-')) return { kind: 'error', message: line.slice(1) };
      if (!line.startsWith('$')) return { kind: 'error', message: `Bad protocol from MASTER, the first byte is not '$' (we received '${line}'), are you sure the host and port are right?` };
      if (line.startsWith('$EOF:')) {
        this.eofMark = Buffer.from(line.slice(5), 'latin1');
        return undefined;
      }
      const length = Number(line.slice(1));
      if (!Number.isSafeInteger(length) || length < 0 || length > PAYLOAD_BYTES_MAX) return { kind: 'error', message: `Bad RDB length from MASTER: ${line}` };
      this.lengthBytes = length;
      return undefined;
    }
  }

  private readLength(input: LinkInput, lengthBytes: number): PayloadProgress {
    const chunk = input.take(lengthBytes - this.receivedBytes);
    this.parts.push(chunk);
    this.receivedBytes += chunk.length;
    if (this.receivedBytes < lengthBytes) return { kind: 'waiting' };
    return { kind: 'done', rdb: Buffer.concat(this.parts) };
  }

  private readUntilMark(input: LinkInput, mark: Buffer): PayloadProgress {
    // The master sends nothing after the mark until our first ACK, so the mark ends what is buffered.
    const chunk = input.takeAll();
    this.parts.push(chunk);
    this.receivedBytes += chunk.length;
    const all = this.parts.length === 1 ? chunk : Buffer.concat(this.parts);
    this.parts.length = 0;
    this.parts.push(all);
    if (all.length < mark.length || !all.subarray(all.length - mark.length).equals(mark)) return { kind: 'waiting' };
    return { kind: 'done', rdb: all.subarray(0, all.length - mark.length) };
  }
}
