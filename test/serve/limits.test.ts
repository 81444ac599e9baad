import { existsSync } from 'node:fs';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisServerPath, startRealRedis, type RealRedisServer } from '../support/real-redis-server.js';
import { RespConnection } from '../support/resp-connection.js';
import { exchange, openSocket, waitForClose } from './raw-exchange.js';
import { startServeChild, type ServeChild } from './serve-child.js';

const hasRealRedis = existsSync(redisServerPath);

interface Target {
  readonly name: string;
  readonly port: number;
}

let ours: ServeChild;
let theirs: RealRedisServer | undefined;
let targets: Target[] = [];

beforeAll(async () => {
  [ours, theirs] = await Promise.all([startServeChild(), hasRealRedis ? startRealRedis() : Promise.resolve(undefined)]);
  targets = [{ name: 'redsim', port: ours.port }, ...(theirs === undefined ? [] : [{ name: 'redis-server', port: theirs.port }])];
});

afterAll(async () => {
  await Promise.all([ours?.stop(), theirs?.stop()]);
});

async function withControl<T>(port: number, body: (control: RespConnection) => Promise<T>): Promise<T> {
  const control = await RespConnection.open(port);
  try {
    return await body(control);
  } finally {
    control.close();
  }
}

function bulkCommand(argv: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${argv.length}\r\n`)];
  for (const argument of argv) {
    const bytes = typeof argument === 'string' ? Buffer.from(argument) : argument;
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** What each server did with the same input: bytes and whether it closed the connection. */
async function answersOf(input: readonly Buffer[], setup: readonly (readonly string[])[], teardown: readonly (readonly string[])[]): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  for (const target of targets) {
    await withControl(target.port, (control) => control.pipeline(setup));
    const answer = await exchange(target.port, input, { idleMs: 300 });
    answers[target.name] = `${answer.bytes.toString('latin1')}${answer.closedByServer ? '<closed>' : '<open>'}`;
    await withControl(target.port, (control) => control.pipeline(teardown));
  }
  return answers;
}

function expectSameAnswers(answers: Record<string, string>, expected: string): void {
  expect(answers['redsim']).toBe(expected);
  if (answers['redis-server'] !== undefined) expect(answers['redis-server']).toBe(expected);
}

describe('limits enforced as redis-server enforces them, over real sockets', () => {
  it('proto-max-bulk-len: a longer bulk is a protocol error that closes the connection; one at the limit is fine', async () => {
    const setup = [['CONFIG', 'SET', 'proto-max-bulk-len', '1mb']];
    const teardown = [['CONFIG', 'SET', 'proto-max-bulk-len', '512mb'], ['DEL', 'limit:big']];
    const tooLong = await answersOf([Buffer.from('*3\r\n$3\r\nSET\r\n$9\r\nlimit:big\r\n$1048577\r\n')], setup, teardown);
    expectSameAnswers(tooLong, '-ERR Protocol error: invalid bulk length\r\n<closed>');
    const atLimit = await answersOf([bulkCommand(['SET', 'limit:big', Buffer.alloc(1024 * 1024, 0x61)]), bulkCommand(['STRLEN', 'limit:big'])], setup, teardown);
    expectSameAnswers(atLimit, '+OK\r\n:1048576\r\n<open>');
  });

  it('client-query-buffer-limit: a client whose unprocessed input outgrows it is closed without a reply', async () => {
    const setup = [['CONFIG', 'SET', 'client-query-buffer-limit', '1mb']];
    const teardown = [['CONFIG', 'SET', 'client-query-buffer-limit', '1gb']];
    const big = bulkCommand(['SET', 'limit:qbuf', Buffer.alloc(3 * 1024 * 1024, 0x62)]);
    const answers = await answersOf([big], setup, teardown);
    expectSameAnswers(answers, '<closed>');
    for (const target of targets) {
      expect(await withControl(target.port, (control) => control.command(['EXISTS', 'limit:qbuf']))).toMatchObject({ kind: 'integer', value: 0n });
    }
  });

  it('maxclients: the connection over the limit gets the error and is closed; the others keep working', async () => {
    for (const target of targets) {
      await withControl(target.port, async (control) => {
        await control.command(['CONFIG', 'SET', 'maxclients', '4']);
        const others = await Promise.all([RespConnection.open(target.port), RespConnection.open(target.port), RespConnection.open(target.port)]);
        await Promise.all(others.map((other) => other.command(['PING'])));
        const refused = await exchange(target.port, [Buffer.from('PING\r\n')], { idleMs: 300 });
        expect(`${target.name}: ${refused.bytes.toString('latin1')}${refused.closedByServer ? '<closed>' : '<open>'}`).toBe(`${target.name}: -ERR max number of clients reached\r\n<closed>`);
        expect((await others[0]?.command(['PING']))?.raw.toString()).toBe('+PONG\r\n');
        others.forEach((other) => other.close());
        await control.command(['CONFIG', 'SET', 'maxclients', '10000']);
      });
    }
  });

  it('client-output-buffer-limit pubsub: a subscriber that stops reading is disconnected; publishers and other clients go on', async () => {
    for (const target of targets) {
      const subscriber = await openSocket(target.port);
      const result = await withControl(target.port, (control) => floodStalledSubscriber(control, subscriber));
      expect(`${target.name}: ${result.numsub}`).toBe(`${target.name}: 0`);
      expect(result.closed).toBe(true);
      expect(result.ping).toBe('+PONG\r\n');
      subscriber.destroy();
    }
  });

  it('client-output-buffer-limit normal: a client that asks for more than the hard limit without reading is disconnected', async () => {
    for (const target of targets) {
      await withControl(target.port, async (control) => {
        await control.pipeline([['CONFIG', 'SET', 'client-output-buffer-limit', 'normal 1mb 0 0'], ['SET', 'limit:chunk', 'x'.repeat(256 * 1024)]]);
        const reader = await openSocket(target.port);
        reader.pause();
        reader.write(Buffer.concat(Array.from({ length: 80 }, () => bulkCommand(['GET', 'limit:chunk']))));
        await new Promise((resolve) => setTimeout(resolve, 1500));
        reader.resume();
        const closed = await waitForClose(reader, 10_000);
        expect(`${target.name}: ${closed}`).toBe(`${target.name}: true`);
        await control.pipeline([['CONFIG', 'SET', 'client-output-buffer-limit', 'normal 0 0 0'], ['DEL', 'limit:chunk']]);
        reader.destroy();
      });
    }
  });
});

/** Subscribes `subscriber`, stops reading from it, publishes ~25 MB to its channel; reports what became of it. */
async function floodStalledSubscriber(control: RespConnection, subscriber: Socket): Promise<{ numsub: string; closed: boolean; ping: string }> {
  await control.command(['CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 1mb 0 0']);
  subscriber.write(bulkCommand(['SUBSCRIBE', 'limit:flood']));
  await new Promise((resolve) => subscriber.once('data', resolve));
  subscriber.pause();
  const message = 'm'.repeat(64 * 1024);
  for (let batch = 0; batch < 20; batch++) {
    await control.pipeline(Array.from({ length: 20 }, () => ['PUBLISH', 'limit:flood', message]));
  }
  const numsub = await control.command(['PUBSUB', 'NUMSUB', 'limit:flood']);
  subscriber.resume();
  const closed = await waitForClose(subscriber, 10_000);
  const ping = (await control.command(['PING'])).raw.toString();
  await control.command(['CONFIG', 'SET', 'client-output-buffer-limit', 'pubsub 32mb 8mb 60']);
  const items = numsub.kind === 'array' ? (numsub.items ?? []) : [];
  const count = items[1];
  return { numsub: count?.kind === 'integer' ? String(count.value) : 'missing', closed, ping };
}
