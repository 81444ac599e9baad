import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RespConnection } from '../support/resp-connection.js';
import { startServeChild, type ServeChild } from './serve-child.js';

const CONNECTIONS = 1000;
const redisBenchmark = process.env['REDSIM_REDIS_BENCHMARK'] ?? '/usr/bin/redis-benchmark';

/** The soft limit on open files of this process (both ends of 1000 loopback connections need descriptors). */
function openFilesLimit(): number {
  const limits = existsSync('/proc/self/limits') ? readFileSync('/proc/self/limits', 'utf8') : '';
  const soft = /Max open files\s+(\d+|unlimited)/.exec(limits)?.[1];
  return soft === undefined ? 1024 : soft === 'unlimited' ? Number.MAX_SAFE_INTEGER : Number(soft);
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

function infoField(info: string, field: string): string | undefined {
  return new RegExp(`^${field}:(.*)\r?$`, 'm').exec(info)?.[1];
}

let server: ServeChild;
let control: RespConnection;

beforeAll(async () => {
  server = await startServeChild();
  control = await RespConnection.open(server.port);
});

afterAll(async () => {
  control?.close();
  await server?.stop();
});

async function info(section: string): Promise<string> {
  const reply = await control.command(['INFO', section]);
  return reply.kind === 'bulk' && reply.value !== null ? reply.value.toString() : '';
}

describe.skipIf(openFilesLimit() < CONNECTIONS + 200)('redsim serve under load', () => {
  it(`serves ${CONNECTIONS} concurrent connections, each with its own SET and GET, then forgets them all`, async () => {
    const connections = await Promise.all(Array.from({ length: CONNECTIONS }, () => RespConnection.open(server.port)));
    const answers = await Promise.all(connections.map((connection, index) => connection.pipeline([['SET', `load:${index}`, String(index)], ['GET', `load:${index}`]])));
    expect(answers.filter(([set]) => set?.raw.toString() === '+OK\r\n')).toHaveLength(CONNECTIONS);
    answers.forEach(([, get], index) => expect(get?.raw.toString()).toBe(`$${String(index).length}\r\n${index}\r\n`));
    expect(Number(infoField(await info('clients'), 'connected_clients'))).toBe(CONNECTIONS + 1);
    connections.forEach((connection) => connection.close());
    for (let wait = 0; wait < 100 && Number(infoField(await info('clients'), 'connected_clients')) > 1; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(Number(infoField(await info('clients'), 'connected_clients'))).toBe(1);
  });

  it.skipIf(!existsSync(redisBenchmark))('completes pipelined redis-benchmark load from 1000 clients without errors, with memory bounded', () => {
    const runOnce = (): { rows: string[]; stderr: string; status: number | null } => {
      const result = spawnSync(redisBenchmark, ['-h', '127.0.0.1', '-p', String(server.port), '-c', '1000', '-n', '50000', '-P', '16', '-t', 'set,get,lpush', '--csv'], { encoding: 'utf8', timeout: 300_000 });
      return { rows: result.stdout.split('\n').filter((line) => /^"(SET|GET|LPUSH)"/.test(line)), stderr: result.stderr, status: result.status };
    };
    const first = runOnce();
    const afterFirstMb = residentMb(server.child.pid as number);
    const second = runOnce();
    const afterSecondMb = residentMb(server.child.pid as number);
    process.stdout.write(`redsim serve RSS after 1000-client pipelined load: ${afterFirstMb.toFixed(0)} MB, after a second round ${afterSecondMb.toFixed(0)} MB\n`);
    for (const run of [first, second]) {
      expect(run.status).toBe(0);
      expect(run.stderr).not.toMatch(/error/i);
      expect(run.rows).toHaveLength(3);
      for (const row of run.rows) expect(Number(row.split('","')[1])).toBeGreaterThan(0);
    }
    expect(afterFirstMb).toBeLessThan(1024);
    expect(afterSecondMb).toBeLessThan(afterFirstMb * 1.5 + 64);
  });
});
