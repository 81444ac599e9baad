import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { rawReply } from './support/store-helpers.js';

describe('CLIENT REPLY', () => {
  it('OFF silences replies until ON, which answers +OK', () => {
    const store = createStore();
    expect(rawReply(store, 'CLIENT REPLY OFF\r\n')).toBe('');
    expect(rawReply(store, 'SET k v\r\nGET k\r\nNOSUCH\r\n')).toBe('');
    expect(rawReply(store, 'CLIENT REPLY ON\r\n')).toBe('+OK\r\n');
    expect(rawReply(store, 'GET k\r\n')).toBe('$1\r\nv\r\n');
  });

  it('SKIP drops only the next command reply', () => {
    const store = createStore();
    expect(rawReply(store, 'CLIENT REPLY SKIP\r\nINCR n\r\nINCR n\r\n')).toBe(':2\r\n');
  });

  it('still delivers pub/sub messages to a client with replies off', () => {
    const store = createStore();
    const subscriber = store.client();
    rawReply(subscriber, 'SUBSCRIBE ch\r\n');
    rawReply(subscriber, 'CLIENT REPLY OFF\r\n');
    expect(store.call('PUBLISH', 'ch', 'hello')).toBe(1);
    expect(subscriber.takeReplies().toString('latin1')).toBe('*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$5\r\nhello\r\n');
  });

  it('refuses other modes with a syntax error', () => {
    expect(rawReply(createStore(), 'CLIENT REPLY MAYBE\r\n')).toBe('-ERR syntax error\r\n');
  });
});
