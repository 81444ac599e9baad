import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { durableFilesOf } from '../../../../src/cli/durable-files.js';
import { writeExportedDisk } from '../../../../src/cli/write-exported-disk.js';
import { readDirectoryFiles } from '../support/directory-files.js';
import { runTool, startRedisOn, temporaryDirectory, textOf } from '../support/real-redis-files.js';
import { sampleDatasetCommands, sampleEncodings } from '../support/sample-dataset.js';
import { SimNode } from '../support/sim-node.js';

const directory = temporaryDirectory('redsim-aof-');
afterAll(() => directory.remove());

const text = (value: unknown): string => (Buffer.isBuffer(value) ? value.toString('latin1') : value instanceof Error ? value.message : String(value));

/** A simulated node (its clock at the real time) holding the sample, part in the base and part in the incr file. */
function simulatedNodeWithSample(preamble: boolean): SimNode {
  const sim = new SimNode({ config: { save: '', appendonly: 'yes', appendfsync: 'always', 'aof-use-rdb-preamble': preamble ? 'yes' : 'no', 'enable-debug-command': 'yes' }, epochMs: Date.now() });
  const commands = sampleDatasetCommands(sim.live.env.clock.nowMs());
  const half = Math.floor(commands.length / 2);
  for (const command of commands.slice(0, half)) sim.call(...command);
  sim.call('BGREWRITEAOF');
  sim.run(200);
  for (const command of commands.slice(half)) sim.call(...command);
  sim.call('MULTI');
  sim.call('INCR', 'tx:counter');
  sim.call('RPUSH', 'tx:list', 'a');
  sim.call('EXEC');
  return sim;
}

describe('multi-part AOF directories against a real redis-server 7.0', () => {
  for (const preamble of [true, false]) {
    it(`redis-check-aof accepts ours and redis-server loads exactly our dataset (aof-use-rdb-preamble ${preamble ? 'yes' : 'no'})`, async () => {
      const sim = simulatedNodeWithSample(preamble);
      const digest = sim.live.datasetDigest();
      const exported = join(directory.path, `ours-${preamble}`);
      writeExportedDisk(exported, durableFilesOf(sim.host.disk));
      const check = runTool('redis-check-aof', [join(exported, 'appendonlydir', 'appendonly.aof.manifest')]);
      expect(check.output).toContain('is valid');
      expect(check.status).toBe(0);
      const server = await startRedisOn(exported, ['--appendonly', 'yes']);
      try {
        const connection = await server.connect();
        expect(await textOf(connection, ['DEBUG', 'DIGEST'])).toBe(digest);
        for (const key of Object.keys(sampleEncodings)) expect([key, await textOf(connection, ['TYPE', key])]).toEqual([key, text(sim.call('TYPE', key))]);
        connection.close();
      } finally {
        await server.stop();
      }
    });
  }

  it('our node loads the AOF directory a real redis-server wrote (base, rewrite, incr, MULTI) into the same dataset', async () => {
    const theirs = join(directory.path, 'theirs');
    writeExportedDisk(theirs, []);
    const server = await startRedisOn(theirs, ['--appendonly', 'yes', '--appendfsync', 'always']);
    let digest: string;
    try {
      const connection = await server.connect();
      const commands = sampleDatasetCommands(Date.now());
      await connection.pipeline(commands.slice(0, 10));
      await connection.command(['BGREWRITEAOF']);
      for (let attempt = 0; attempt < 200 && (await textOf(connection, ['INFO', 'persistence'])).includes('aof_rewrite_in_progress:1'); attempt++) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await connection.pipeline([...commands.slice(10), ['MULTI'], ['INCR', 'tx:counter'], ['RPUSH', 'tx:list', 'a'], ['EXEC']]);
      digest = await textOf(connection, ['DEBUG', 'DIGEST']);
      connection.close();
    } finally {
      await server.stop();
    }
    const files = readDirectoryFiles(theirs, (path) => !path.startsWith('appendonlydir'));
    expect(files.map((file) => file.path).sort()).toEqual(expect.arrayContaining(['appendonlydir/appendonly.aof.manifest']));
    const sim = new SimNode({ config: { save: '', appendonly: 'yes' }, files, epochMs: Date.now() });
    expect(sim.live.datasetDigest()).toBe(digest);
    expect(text(sim.call('OBJECT', 'ENCODING', 'zset:skiplist'))).toBe('skiplist');
  });
});
