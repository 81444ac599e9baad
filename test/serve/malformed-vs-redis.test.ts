import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisServerPath, startRealRedis, type RealRedisServer } from '../support/real-redis-server.js';
import { MALFORMED_INPUTS } from './malformed-inputs.js';
import { exchange } from './raw-exchange.js';
import { startServeChild, type ServeChild } from './serve-child.js';

let ours: ServeChild | undefined;
let theirs: RealRedisServer | undefined;

beforeAll(async () => {
  if (!existsSync(redisServerPath)) return;
  [ours, theirs] = await Promise.all([startServeChild(), startRealRedis()]);
});

afterAll(async () => {
  await Promise.all([ours?.stop(), theirs?.stop()]);
});

/** What a connection got: the bytes (latin1) and whether the server closed it. */
async function answerOf(port: number, input: string): Promise<string> {
  const answer = await exchange(port, [Buffer.from(input, 'latin1')], { idleMs: 200 });
  return `${answer.bytes.toString('latin1')}${answer.closedByServer ? '<closed>' : '<open>'}`;
}

describe.skipIf(!existsSync(redisServerPath))('malformed requests: redsim serve answers exactly as redis-server 7.0.15', () => {
  it.each(MALFORMED_INPUTS.map((input) => [JSON.stringify(input.length > 60 ? `${input.slice(0, 60)}...` : input), input]))('%s', async (_name, input) => {
    const [mine, reference] = await Promise.all([answerOf(ours?.port ?? 0, input), answerOf(theirs?.port ?? 0, input)]);
    expect(mine).toBe(reference);
  });
});
