import { describe, expect, it } from 'vitest';
import { createStore } from '../../../../src/store/embedded.js';
import { loadRdbInto, rdbBytesOf } from '../support/rdb-helpers.js';
import { loadSampleDataset, sampleEncodings } from '../support/sample-dataset.js';

const startEpochMs = 1_700_000_000_000;

describe('RDB writer and loader', () => {
  it('round-trips every type and encoding with TTLs: same digest, same encodings', () => {
    const source = createStore({ startEpochMs });
    loadSampleDataset(source);
    for (const [key, encoding] of Object.entries(sampleEncodings)) expect([key, String(source.call('OBJECT', 'ENCODING', key))]).toEqual([key, encoding]);
    const bytes = rdbBytesOf(source.node);
    const target = createStore({ startEpochMs, seed: 2 });
    const loaded = loadRdbInto(target.node, bytes);
    expect(loaded.version).toBe(10);
    expect(loaded.aux.get('redis-ver')?.toString()).toBe('7.0.15');
    expect(target.node.datasetDigest()).toBe(source.node.datasetDigest());
    for (const [key, encoding] of Object.entries(sampleEncodings)) expect([key, String(target.call('OBJECT', 'ENCODING', key))]).toEqual([key, encoding]);
    expect(target.call('PTTL', 'str:expiring')).toBe(source.call('PTTL', 'str:expiring'));
  });

  it('writes an empty dataset as header, aux fields, EOF and checksum', () => {
    const store = createStore({ startEpochMs });
    const bytes = rdbBytesOf(store.node);
    expect(bytes.subarray(0, 9).toString()).toBe('REDIS0010');
    expect(bytes[bytes.length - 9]).toBe(0xff);
    expect(loadRdbInto(createStore().node, bytes).keysLoaded).toBe(0);
  });
});
