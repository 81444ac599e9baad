import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { startRedisOn, temporaryDirectory, textOf } from './support/real-redis-files.js';

const fieldNames = (info: string): string[] => info.split('\r\n').filter((line) => line.includes(':')).map((line) => line.slice(0, line.indexOf(':')));

describe('INFO persistence', () => {
  for (const appendonly of ['no', 'yes']) {
    it(`prints the fields redis-server 7.0.15 prints, in its order (appendonly ${appendonly})`, async () => {
      const directory = temporaryDirectory('redsim-info-');
      const server = await startRedisOn(directory.path, ['--appendonly', appendonly]);
      try {
        const connection = await server.connect();
        const theirs = fieldNames(await textOf(connection, ['INFO', 'persistence']));
        connection.close();
        const store = createStore({ config: { appendonly } });
        expect(fieldNames(String(store.call('INFO', 'persistence')))).toEqual(theirs);
        expect(String(store.call('INFO', 'persistence'))).toContain(`aof_enabled:${appendonly === 'yes' ? 1 : 0}\r\n`);
      } finally {
        await server.stop();
        directory.remove();
      }
    });
  }
});
