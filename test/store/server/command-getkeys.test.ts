import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { rawReply } from './support/store-helpers.js';

/** Replies captured from a real redis-server 7.0.15. */
describe('COMMAND GETKEYS', () => {
  it('finds the keys of a valid command', () => {
    const store = createStore();
    expect(rawReply(store, 'COMMAND GETKEYS ZUNIONSTORE d 2 a b\r\n')).toBe('*3\r\n$1\r\nd\r\n$1\r\na\r\n$1\r\nb\r\n');
    expect(rawReply(store, 'COMMAND GETKEYS LMPOP 2 a b LEFT\r\n')).toBe('*2\r\n$1\r\na\r\n$1\r\nb\r\n');
  });

  it('refuses a key count that is not a count or points past the arguments', () => {
    const store = createStore();
    const invalid = '-ERR Invalid arguments specified for command\r\n';
    expect(rawReply(store, 'COMMAND GETKEYS ZUNIONSTORE k1 2 k1\r\n')).toBe(invalid);
    expect(rawReply(store, 'COMMAND GETKEYS ZUNIONSTORE k1 x k1\r\n')).toBe(invalid);
    expect(rawReply(store, 'COMMAND GETKEYS LMPOP 0 a LEFT\r\n')).toBe(invalid);
    expect(rawReply(store, 'COMMAND GETKEYS SINTERCARD -1 a\r\n')).toBe(invalid);
  });

  it('checks existence, then keys, then arity', () => {
    const store = createStore();
    expect(rawReply(store, 'COMMAND GETKEYS FOO bar\r\n')).toBe('-ERR Invalid command specified\r\n');
    expect(rawReply(store, 'COMMAND GETKEYS PING a b c\r\n')).toBe('-ERR The command has no key arguments\r\n');
    expect(rawReply(store, 'COMMAND GETKEYS GET a b\r\n')).toBe('-ERR Invalid number of arguments specified for command\r\n');
  });
});
