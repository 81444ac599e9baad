import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RespConnection } from '../support/resp-connection.js';
import { startServeChild } from './serve-child.js';

const scratch = mkdtempSync(join(tmpdir(), 'redsim-serve-persistence-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function freshDir(name: string): string {
  const dir = join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  return mkdtempSync(`${dir}-`);
}

/** Every file under `dir` with its bytes and modification time, to show a failed start touched nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else files[path] = `${stats.mtimeMs}:${readFileSync(path).toString('base64')}`;
    }
  };
  walk(dir);
  return files;
}

async function run(port: number, commands: readonly (readonly string[])[]): Promise<string[]> {
  const connection = await RespConnection.open(port);
  try {
    return (await connection.pipeline(commands)).map((reply) => reply.raw.toString('latin1'));
  } finally {
    connection.close();
  }
}

describe('redsim serve keeps data in --dir across restarts, and refuses to start on a damaged file', () => {
  it('saves an RDB on SHUTDOWN when save points are set, and loads it at the next start', async () => {
    const dir = freshDir('rdb');
    const first = await startServeChild({ exactArguments: ['--port', '{port}', '--dir', dir, '--save', '3600 1'] });
    expect(await run(first.port, [['SET', 'kept', 'value'], ['RPUSH', 'list', 'a', 'b']])).toEqual(['+OK\r\n', ':2\r\n']);
    await run(first.port, [['SHUTDOWN']]).catch(() => undefined);
    expect(await first.exited).toBe(0);
    expect(readdirSync(dir)).toContain('dump.rdb');
    const second = await startServeChild({ exactArguments: ['--port', '{port}', '--dir', dir, '--save', ''] });
    expect(await run(second.port, [['GET', 'kept'], ['LRANGE', 'list', '0', '-1']])).toEqual(['$5\r\nvalue\r\n', '*2\r\n$1\r\na\r\n$1\r\nb\r\n']);
    await second.stop();
  });

  it('with appendonly yes and appendfsync always, an acknowledged write survives kill -9', async () => {
    const dir = freshDir('aof');
    const first = await startServeChild({ exactArguments: ['--port', '{port}', '--dir', dir, '--save', '', '--appendonly', 'yes', '--appendfsync', 'always'] });
    expect(await run(first.port, [['SET', 'durable', 'yes'], ['INCRBY', 'counter', '41'], ['INCR', 'counter']])).toEqual(['+OK\r\n', ':41\r\n', ':42\r\n']);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    const second = await startServeChild({ exactArguments: ['--port', '{port}', '--dir', dir, '--save', '', '--appendonly', 'yes'] });
    expect(await run(second.port, [['GET', 'durable'], ['GET', 'counter']])).toEqual(['$3\r\nyes\r\n', '$2\r\n42\r\n']);
    await second.stop();
  });

  it('exits 1 with a clear error on a corrupt RDB, leaving every file in --dir untouched', async () => {
    const dir = freshDir('bad-rdb');
    writeFileSync(join(dir, 'dump.rdb'), Buffer.concat([Buffer.from('REDIS0010'), Buffer.from([0xfa, 0x09, 0x72, 0x65]), Buffer.alloc(40, 0x17)]));
    const before = snapshot(dir);
    const server = await startServeChild({ exactArguments: ['--port', '{port}', '--dir', dir], expectExit: true });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/# .*(corrupt|Short read|Wrong signature|Bad file format).*/i);
    expect(snapshot(dir)).toEqual(before);
  });

  it('exits 1 with a clear error on a corrupt AOF, leaving every file in --dir untouched', async () => {
    const dir = freshDir('bad-aof');
    const first = await startServeChild({ exactArguments: ['--port', '{port}', '--dir', dir, '--save', '', '--appendonly', 'yes'] });
    await run(first.port, [['SET', 'a', '1'], ['SET', 'b', '2']]);
    await first.stop();
    const aofDir = join(dir, 'appendonlydir');
    const incr = readdirSync(aofDir).find((name) => name.endsWith('.incr.aof'));
    expect(incr).toBeDefined();
    const incrPath = join(aofDir, incr as string);
    const original = readFileSync(incrPath);
    writeFileSync(incrPath, Buffer.concat([original.subarray(0, Math.floor(original.length / 2)), Buffer.from('\r\n%garbage%\r\n'), original.subarray(Math.floor(original.length / 2))]));
    const before = snapshot(dir);
    const server = await startServeChild({ exactArguments: ['--port', '{port}', '--dir', dir, '--save', '', '--appendonly', 'yes'], expectExit: true });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/# .*(Bad file format|append only file|corrupt).*/i);
    expect(snapshot(dir)).toEqual(before);
  });
});
