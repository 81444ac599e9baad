import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { RespError } from '../../../src/store/protocol/reply-decoder.js';

describe('createStore', () => {
  it('answers PING with the exact RESP2 bytes', () => {
    const store = createStore();
    expect(store.command(['PING']).toString()).toBe('+PONG\r\n');
    expect(store.command(['PING', 'hi']).toString()).toBe('$2\r\nhi\r\n');
  });

  it('decodes replies in call', () => {
    const store = createStore();
    expect(store.call('ECHO', 'abc')).toEqual(Buffer.from('abc'));
    expect(store.call('SELECT', '3')).toBe('OK');
    const error = store.call('SELECT', '99');
    expect(error).toBeInstanceOf(RespError);
    expect((error as RespError).message).toBe('ERR DB index is out of range');
  });

  it('replies the unknown command error', () => {
    const store = createStore();
    expect(store.command(['FOO', 'bar', 'baz qux']).toString()).toBe("-ERR unknown command 'FOO', with args beginning with: 'bar' 'baz qux' \r\n");
  });
});
