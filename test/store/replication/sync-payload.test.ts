import { describe, expect, it } from 'vitest';
import { LinkInput } from '../../../src/store/replication/link-input.js';
import { SyncPayloadReader } from '../../../src/store/replication/sync-payload.js';

function readAll(chunks: readonly string[]): { readonly rdb: string | undefined; readonly rest: string; readonly error: string | undefined } {
  const input = new LinkInput();
  const reader = new SyncPayloadReader();
  for (const chunk of chunks) {
    input.append(Buffer.from(chunk, 'latin1'));
    const progress = reader.read(input);
    if (progress.kind === 'done') return { rdb: progress.rdb.toString('latin1'), rest: input.takeAll().toString('latin1'), error: undefined };
    if (progress.kind === 'error') return { rdb: undefined, rest: '', error: progress.message };
  }
  return { rdb: undefined, rest: '', error: undefined };
}

describe('the full-sync payload framing', () => {
  it('skips keepalive newlines, reads $<len> bytes, and leaves the stream that follows', () => {
    expect(readAll(['\n\n$5\r\nRED', 'IS*1\r\n$4\r\nPING\r\n'])).toEqual({ rdb: 'REDIS', rest: '*1\r\n$4\r\nPING\r\n', error: undefined });
  });

  it('reads a diskless payload up to its EOF mark, split anywhere', () => {
    const mark = 'm'.repeat(40);
    const whole = `$EOF:${mark}\r\nREDIS0010-data${mark}`;
    for (let cut = 1; cut < whole.length; cut += 7) expect(readAll([whole.slice(0, cut), whole.slice(cut)]).rdb).toBe('REDIS0010-data');
  });

  it('reports an error line from the master instead of a payload', () => {
    expect(readAll(['-ERR something went wrong\r\n']).error).toBe('ERR something went wrong');
    expect(readAll(['+OK\r\n']).error).toMatch(/^Bad protocol from MASTER/);
  });
});
