import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { rawReply, recordPropagation } from '../server/support/store-helpers.js';

/** Reply shapes below were captured from a real redis-server 7.0.15. */
describe('pub/sub', () => {
  it('confirms subscriptions with running counts and restricts the subscribed context', () => {
    const store = createStore();
    expect(rawReply(store, 'SUBSCRIBE a b\r\nGET x\r\nPING\r\nPING hi\r\nUNSUBSCRIBE\r\nPING\r\n')).toBe(
      '*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n' +
        "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n" +
        '*2\r\n$4\r\npong\r\n$0\r\n\r\n*2\r\n$4\r\npong\r\n$2\r\nhi\r\n' +
        '*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:0\r\n+PONG\r\n',
    );
  });

  it('confirms pattern subscriptions and unsubscribing with nothing subscribed', () => {
    const store = createStore();
    expect(rawReply(store, 'PSUBSCRIBE a* b?\r\nPUNSUBSCRIBE\r\nUNSUBSCRIBE\r\n')).toBe(
      '*3\r\n$10\r\npsubscribe\r\n$2\r\na*\r\n:1\r\n*3\r\n$10\r\npsubscribe\r\n$2\r\nb?\r\n:2\r\n' +
        '*3\r\n$12\r\npunsubscribe\r\n$2\r\na*\r\n:1\r\n*3\r\n$12\r\npunsubscribe\r\n$2\r\nb?\r\n:0\r\n' +
        '*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n',
    );
  });

  it('delivers message and pmessage shapes and counts receivers', () => {
    const store = createStore();
    const subscriber = store.client();
    subscriber.call('SUBSCRIBE', 'news');
    subscriber.call('PSUBSCRIBE', 'n*');
    expect(store.call('PUBLISH', 'news', 'hello')).toBe(2);
    expect(subscriber.takeReplies().toString('latin1')).toBe(
      '*3\r\n$7\r\nmessage\r\n$4\r\nnews\r\n$5\r\nhello\r\n*4\r\n$8\r\npmessage\r\n$2\r\nn*\r\n$4\r\nnews\r\n$5\r\nhello\r\n',
    );
    expect(store.call('PUBLISH', 'other', 'x')).toBe(0);
  });

  it('introspects channels, subscriber counts and patterns', () => {
    const store = createStore();
    const first = store.client();
    const second = store.client();
    first.command(['SUBSCRIBE', 'news', 'sports']);
    second.call('SUBSCRIBE', 'news');
    second.command(['PSUBSCRIBE', 'x*', 'y*']);
    expect(store.call('PUBSUB', 'CHANNELS')).toEqual([Buffer.from('news'), Buffer.from('sports')]);
    expect(store.call('PUBSUB', 'CHANNELS', 'n*')).toEqual([Buffer.from('news')]);
    expect(store.call('PUBSUB', 'NUMSUB', 'news', 'none')).toEqual([Buffer.from('news'), 2, Buffer.from('none'), 0]);
    expect(store.call('PUBSUB', 'NUMPAT')).toBe(2);
    second.close();
    expect(store.call('PUBSUB', 'NUMSUB', 'news')).toEqual([Buffer.from('news'), 1]);
    expect(store.call('PUBSUB', 'NUMPAT')).toBe(0);
  });

  it('propagates PUBLISH to replicas only', () => {
    const store = createStore();
    const targets: boolean[] = [];
    store.node.onPropagate((_db, _argv, target) => targets.push(target.aof));
    const propagated = recordPropagation(store);
    store.call('PUBLISH', 'ch', 'm');
    expect(propagated).toEqual(['0:PUBLISH ch m']);
    expect(targets).toEqual([false]);
  });
});
