import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { rawReply } from './support/store-helpers.js';

/** Replies captured from a real redis-server 7.0.15. */
describe('COMMAND DOCS', () => {
  it('answers the documentation map Redis answers', () => {
    const store = createStore();
    expect(rawReply(store, 'COMMAND DOCS get\r\n')).toBe(
      '*2\r\n$3\r\nget\r\n*10\r\n$7\r\nsummary\r\n$22\r\nGet the value of a key\r\n$5\r\nsince\r\n$5\r\n1.0.0\r\n$5\r\ngroup\r\n$6\r\nstring\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n$9\r\narguments\r\n*1\r\n*6\r\n$4\r\nname\r\n$3\r\nkey\r\n$4\r\ntype\r\n$3\r\nkey\r\n$14\r\nkey_spec_index\r\n:0\r\n',
    );
    expect(rawReply(store, 'COMMAND DOCS multi\r\n')).toBe(
      '*2\r\n$5\r\nmulti\r\n*8\r\n$7\r\nsummary\r\n$37\r\nMark the start of a transaction block\r\n$5\r\nsince\r\n$5\r\n1.2.0\r\n$5\r\ngroup\r\n$12\r\ntransactions\r\n$10\r\ncomplexity\r\n$4\r\nO(1)\r\n',
    );
  });

  it('omits empty history and unknown names, and upper-cases tokens', () => {
    const store = createStore();
    expect(rawReply(store, 'COMMAND DOCS rename nosuch\r\n')).not.toContain('history');
    expect(rawReply(store, 'COMMAND DOCS nosuch\r\n')).toBe('*0\r\n');
    const setDocs = rawReply(store, 'COMMAND DOCS set\r\n');
    expect(setDocs).toContain('$5\r\ntoken\r\n$2\r\nNX\r\n');
    expect(setDocs).toContain('$7\r\nhistory\r\n*4\r\n');
  });
});
