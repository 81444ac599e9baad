import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/embedded.js';
import { RespError } from '../../../src/store/protocol/reply-decoder.js';
import { startRealRedis, type RealRedisServer } from '../../support/real-redis-server.js';
import type { RespConnection } from '../../support/resp-connection.js';
import { bulkBytes } from '../../support/resp-reply.js';
import { sampleDatasetCommands, sampleEncodings } from './support/sample-dataset.js';

const text = (value: unknown): string => (Buffer.isBuffer(value) ? value.toString('latin1') : value instanceof Error ? value.message : String(value));

let server: RealRedisServer;
let connection: RespConnection;
let store: Store;

beforeAll(async () => {
  server = await startRealRedis({ extraArguments: ['--enable-debug-command', 'yes'] });
  connection = await server.connect();
  const nowMs = Date.now();
  await connection.pipeline(sampleDatasetCommands(nowMs));
  store = createStore({ startEpochMs: nowMs, config: { 'enable-debug-command': 'yes' } });
  for (const command of sampleDatasetCommands(nowMs)) store.call(...command);
});

afterAll(async () => {
  connection.close();
  await server.stop();
});

describe('DUMP and RESTORE', () => {
  it('writes the same payload bytes as redis-server for every encoding with a defined order', async () => {
    const hashtables = new Set(['set:table', 'set:bigint', 'hash:table', 'hash:long']);
    for (const key of Object.keys(sampleEncodings).filter((name) => !hashtables.has(name))) {
      const theirs = bulkBytes(await connection.command(['DUMP', key]));
      expect([key, store.call('DUMP', key)]).toEqual([key, theirs]);
    }
  });

  it("restores redis-server's payloads into the same values, and redis-server restores ours", async () => {
    for (const key of Object.keys(sampleEncodings)) {
      const theirs = bulkBytes(await connection.command(['DUMP', key])) as Buffer;
      expect(store.call('RESTORE', `copy:${key}`, '0', theirs)).toBe('OK');
      const ours = store.call('DUMP', key) as Buffer;
      expect((await connection.command(['RESTORE', `copy:${key}`, '0', ours])).kind).toBe('status');
    }
    for (const key of Object.keys(sampleEncodings)) {
      const theirs = await connection.command(['DEBUG', 'DIGEST-VALUE', key, `copy:${key}`]);
      const theirDigests = theirs.kind === 'array' ? (theirs.items ?? []).map((item) => (item.kind === 'status' ? item.text : '?')) : [];
      const ourDigests = (store.call('DEBUG', 'DIGEST-VALUE', key, `copy:${key}`) as unknown[]).map(text);
      expect([key, ourDigests]).toEqual([key, theirDigests]);
      if (Number(store.call('PTTL', key)) < 0) expect([key, ourDigests[0]]).toEqual([key, ourDigests[1]]);
    }
  });

  it('answers the error replies redis-server answers', async () => {
    const payload = store.call('DUMP', 'str:embstr') as Buffer;
    const corrupt = Buffer.from(payload);
    corrupt[2] = (corrupt[2] as number) ^ 0xff;
    const badFormat = Buffer.from(payload);
    badFormat[0] = 0x7f;
    const cases: (string | Buffer)[][] = [
      ['RESTORE', 'str:embstr', '0', payload],
      ['RESTORE', 'fresh', '0', corrupt],
      ['RESTORE', 'fresh', '0', Buffer.from('short')],
      ['RESTORE', 'fresh', '-1', payload],
      ['RESTORE', 'fresh', 'abc', payload],
      ['RESTORE', 'fresh', '0', payload, 'IDLETIME', '-1'],
      ['RESTORE', 'fresh', '0', payload, 'FREQ', '256'],
      ['RESTORE', 'fresh', '0', payload, 'BOGUS'],
      ['RESTORE', 'fresh', '0', payload, 'IDLETIME', '10', 'FREQ', '5'],
    ];
    for (const command of cases) {
      const theirs = await connection.command(command);
      const ours = store.call(...command);
      expect([command.map(text).join(' ').slice(0, 40), ours instanceof RespError ? ours.message : text(ours)]).toEqual([command.map(text).join(' ').slice(0, 40), theirs.kind === 'error' || theirs.kind === 'status' ? theirs.text : '?']);
    }
  });

  it('RESTORE with a TTL propagates an absolute PXAT-like time (ABSTTL) and REPLACE overwrites', () => {
    const propagated: string[][] = [];
    store.node.onPropagate((_db, argv) => propagated.push(argv.map((argument) => argument.toString('latin1'))));
    const payload = store.call('DUMP', 'str:int') as Buffer;
    expect(store.call('RESTORE', 'ttl-key', '5000', payload)).toBe('OK');
    const pttl = Number(store.call('PTTL', 'ttl-key'));
    expect(pttl).toBeGreaterThan(4000);
    const last = propagated[propagated.length - 1] as string[];
    expect(last[0]).toBe('RESTORE');
    expect(last[last.length - 1]).toBe('ABSTTL');
    expect(Number(last[2])).toBe(store.node.env.clock.nowMs() + pttl);
    expect(store.call('RESTORE', 'ttl-key', '0', store.call('DUMP', 'str:embstr') as Buffer, 'REPLACE')).toBe('OK');
    expect(text(store.call('GET', 'ttl-key'))).toBe('hello world');
    expect(Number(store.call('PTTL', 'ttl-key'))).toBe(-1);
    expect(store.call('DUMP', 'no-such-key')).toBeNull();
  });
});
