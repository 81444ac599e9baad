import { describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';

function recordPropagation(store: Store): string[] {
  const lines: string[] = [];
  store.node.onPropagate((_dbId, argv) => lines.push(argv.map((argument) => argument.toString('latin1')).join(' ')));
  return lines;
}

const text = (bytes: Buffer): string => bytes.toString('latin1');

describe('blocking stream reads and what streams propagate', () => {
  it('XREAD BLOCK with $ waits for the next XADD, and only entries after the one it saw', () => {
    const store = createStore();
    store.call('XADD', 's', '1-0', 'a', '1');
    const reader = store.client();
    expect(reader.call('XREAD', 'BLOCK', '0', 'STREAMS', 's', '$')).toBeUndefined();
    expect(text(reader.takeReplies())).toBe('');
    store.call('XADD', 's', '2-0', 'b', '2');
    expect(text(reader.takeReplies())).toBe('*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n');
  });

  it('XREAD BLOCK times out with a null array on the virtual clock (milliseconds)', () => {
    const store = createStore();
    const reader = store.client();
    expect(reader.call('XREAD', 'BLOCK', '500', 'STREAMS', 's', '$')).toBeUndefined();
    store.advance(400);
    expect(text(reader.takeReplies())).toBe('');
    store.advance(200);
    expect(text(reader.takeReplies())).toBe('*-1\r\n');
  });

  it('XREADGROUP BLOCK is served by XADD and propagates the delivery as XCLAIM', () => {
    const store = createStore();
    store.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
    const propagated = recordPropagation(store);
    const reader = store.client();
    expect(reader.call('XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>')).toBeUndefined();
    store.call('XADD', 's', '5-0', 'f', 'v');
    expect(text(reader.takeReplies())).toContain('$3\r\n5-0\r\n');
    expect(propagated[0]).toBe('XADD s 5-0 f v');
    expect(propagated[1]).toMatch(/^XCLAIM s g alice 0 5-0 TIME \d+ RETRYCOUNT 1 FORCE JUSTID LASTID 5-0$/);
    expect(store.call('XPENDING', 's', 'g')).toEqual([1, Buffer.from('5-0'), Buffer.from('5-0'), [[Buffer.from('alice'), Buffer.from('1')]]]);
  });

  it('XGROUP DESTROY unblocks XREADGROUP with -NOGROUP', () => {
    const store = createStore();
    store.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
    const reader = store.client();
    reader.call('XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>');
    store.call('XGROUP', 'DESTROY', 's', 'g');
    expect(text(reader.takeReplies())).toMatch(/^-NOGROUP /);
  });

  it('a stream that expires unblocks XREADGROUP with -UNBLOCKED, by lazy or by active expiry, as redis-server 7.0.15 does', () => {
    for (const expiry of ['lazy', 'active'] as const) {
      const store = createStore();
      if (expiry === 'lazy') store.node.activeExpire.enabled = false;
      store.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
      const reader = store.client();
      reader.call('XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>');
      store.call('PEXPIRE', 's', '10');
      store.advance(200);
      if (expiry === 'lazy') {
        expect(text(reader.takeReplies())).toBe('');
        expect(store.call('EXISTS', 's')).toBe(0);
      }
      expect(text(reader.takeReplies())).toBe('-UNBLOCKED the stream key no longer exists\r\n');
    }
  });

  it('a woken XREADGROUP answered with an error counts as a failed call (updateStatsOnUnblock), one that gets data does not', () => {
    const xreadgroupStats = (store: ReturnType<typeof createStore>): string => text(store.call('INFO', 'commandstats') as Buffer).split('\r\n').find((line) => line.startsWith('cmdstat_xreadgroup:')) ?? '';
    const failing = createStore();
    failing.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
    failing.client().call('XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>');
    failing.call('XGROUP', 'DESTROY', 's', 'g');
    expect(xreadgroupStats(failing)).toMatch(/rejected_calls=0,failed_calls=1$/);
    const deleted = createStore();
    deleted.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
    deleted.client().call('XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>');
    deleted.call('DEL', 's');
    expect(xreadgroupStats(deleted)).toMatch(/rejected_calls=0,failed_calls=1$/);
    const served = createStore();
    served.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
    served.client().call('XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>');
    served.call('XADD', 's', '1-0', 'f', 'v');
    expect(xreadgroupStats(served)).toMatch(/rejected_calls=0,failed_calls=0$/);
  });

  it('deleting or overwriting the stream unblocks XREADGROUP with -UNBLOCKED, while XREAD keeps waiting', () => {
    for (const removal of [['DEL', 's'], ['SET', 's', 'v'], ['FLUSHALL'], ['SWAPDB', '0', '1']]) {
      const store = createStore();
      store.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
      const groupReader = store.client();
      const plainReader = store.client();
      groupReader.call('XREADGROUP', 'GROUP', 'g', 'alice', 'BLOCK', '0', 'STREAMS', 's', '>');
      plainReader.call('XREAD', 'BLOCK', '0', 'STREAMS', 's', '$');
      store.call(...removal);
      expect(text(groupReader.takeReplies())).toBe('-UNBLOCKED the stream key no longer exists\r\n');
      expect(text(plainReader.takeReplies())).toBe('');
      store.call('DEL', 's');
      store.call('XADD', 's', '1-0', 'f', 'v');
      expect(text(plainReader.takeReplies())).toContain('$3\r\n1-0\r\n');
    }
  });

  it('blocking reads inside MULTI answer a null array at once', () => {
    const store = createStore();
    store.call('XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM');
    store.call('MULTI');
    store.call('XREAD', 'BLOCK', '0', 'STREAMS', 's', '$');
    store.call('XREADGROUP', 'GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 's', '>');
    expect(store.call('EXEC')).toEqual([null, null]);
  });

  it('XADD * propagates the generated ID; approximate trimming propagates the exact result', () => {
    const store = createStore({ config: { 'stream-node-max-entries': '2' } });
    const propagated = recordPropagation(store);
    const id = String(store.call('XADD', 's', '*', 'f', 'v'));
    expect(propagated).toEqual([`XADD s ${id} f v`]);
    for (let index = 1; index <= 6; index++) store.call('XADD', 's', `${Number(id.split('-')[0]) + index}-0`, 'f', 'v');
    store.call('XADD', 's', 'MAXLEN', '~', '3', '*', 'f', 'v');
    const last = propagated[propagated.length - 1] as string;
    expect(last).toMatch(/^XADD s MAXLEN = 4 \d+-\d+ f v$/);
    expect(store.call('XLEN', 's')).toBe(4);
    store.call('XTRIM', 's', 'MINID', '~', '0');
    expect(propagated.length).toBe(8);
  });

  it('XREADGROUP NOACK propagates consumer creation and XGROUP SETID, wrapped in MULTI/EXEC as Redis 7.0 wraps several propagated commands', () => {
    const store = createStore();
    store.call('XADD', 's', '1-0', 'f', 'v');
    store.call('XGROUP', 'CREATE', 's', 'g', '0');
    const propagated = recordPropagation(store);
    store.call('XREADGROUP', 'GROUP', 'g', 'bob', 'NOACK', 'STREAMS', 's', '>');
    expect(propagated).toEqual(['MULTI', 'XGROUP CREATECONSUMER s g bob', 'XGROUP SETID s g 1-0 ENTRIESREAD 1', 'EXEC']);
  });
});
