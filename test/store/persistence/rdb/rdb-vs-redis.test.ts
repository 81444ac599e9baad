import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../../src/store/embedded.js';
import { parseRdb, loadRdbInto, rdbBytesOf } from '../support/rdb-helpers.js';
import { runTool, startRedisOn, temporaryDirectory, textOf } from '../support/real-redis-files.js';
import { loadSampleDataset, sampleDatasetCommands, sampleEncodings } from '../support/sample-dataset.js';

const directory = temporaryDirectory('redsim-rdb-');
afterAll(() => directory.remove());

describe('RDB files against a real redis-server 7.0', () => {
  const store = createStore({ startEpochMs: Date.now(), config: { 'enable-debug-command': 'yes' } });
  let bytes: Buffer;
  beforeAll(() => {
    loadSampleDataset(store);
    bytes = rdbBytesOf(store.node);
    writeFileSync(join(directory.path, 'ours.rdb'), bytes);
  });

  it('redis-check-rdb accepts the file we write', () => {
    const result = runTool('redis-check-rdb', [join(directory.path, 'ours.rdb')]);
    expect(result.output).toContain('RDB looks OK');
    expect(result.status).toBe(0);
  });

  it('a real redis-server loads our file into exactly our dataset', async () => {
    const server = await startRedisOn(directory.path, ['--dbfilename', 'ours.rdb']);
    try {
      const connection = await server.connect();
      expect(await textOf(connection, ['DEBUG', 'DIGEST'])).toBe(store.node.datasetDigest());
      for (const key of Object.keys(sampleEncodings)) {
        expect([key, await textOf(connection, ['TYPE', key])]).toEqual([key, String(store.call('TYPE', key))]);
      }
      expect(await textOf(connection, ['PEXPIRETIME', 'str:expiring'])).toBe(String(store.call('PEXPIRETIME', 'str:expiring')));
      expect(await textOf(connection, ['DBSIZE'])).toBe(String(store.call('DBSIZE')));
      connection.close();
    } finally {
      await server.stop();
    }
  });

  it('our loader reads the file a real redis-server saves of the same commands: same digest and encodings', async () => {
    const server = await startRedisOn(directory.path, ['--dbfilename', 'theirs.rdb']);
    let theirDigest: string;
    try {
      const connection = await server.connect();
      await connection.pipeline(sampleDatasetCommands(Date.now()));
      theirDigest = await textOf(connection, ['DEBUG', 'DIGEST']);
      expect(await textOf(connection, ['SAVE'])).toBe('OK');
      connection.close();
    } finally {
      await server.stop();
    }
    const theirs = readFileSync(join(directory.path, 'theirs.rdb'));
    const target = createStore({ startEpochMs: Date.now(), seed: 3 });
    const loaded = loadRdbInto(target.node, theirs);
    expect(loaded.aux.get('redis-ver')?.toString()).toBe('7.0.15');
    expect(target.node.datasetDigest()).toBe(theirDigest);
    for (const [key, encoding] of Object.entries(sampleEncodings)) expect([key, String(target.call('OBJECT', 'ENCODING', key))]).toEqual([key, encoding]);
  });

  it('reads a file with LZF strings and quicklist nodes exactly as its keys were written', () => {
    const loaded = parseRdb(store.node, bytes);
    const keys = loaded.databases.get(0) ?? [];
    const compressible = keys.find((entry) => entry.key.toString() === 'str:compressible');
    expect(compressible?.value.type === 'string' ? compressible.value.bytes().toString() : undefined).toBe('abcabcabc'.repeat(50));
    expect(bytes.length).toBeLessThan(60_000);
  });
});
