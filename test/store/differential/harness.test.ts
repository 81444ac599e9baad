import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RealRedisServer } from '../../support/real-redis-server.js';
import { decodeAllReplies } from '../../support/resp-decoder.js';
import { encodeArray, encodeInteger } from '../../support/resp-encoder.js';
import { arrayItems, type RespReply } from '../../support/resp-reply.js';
import { assertNoDifference, findMinimalDifference } from './differential-property.js';
import { familyGroups } from './family-shapes.js';
import { formatMismatch } from './failure-report.js';
import { commandName, operation } from './operation.js';
import { runSequence } from './run-sequence.js';
import { plantedTarget } from './planted-target.js';
import { realRedisTarget, startReferenceRedis } from './real-redis-target.js';
import type { DifferentialTarget } from './target.js';

/**
 * The harness itself, checked against two real redis-servers (each with its
 * own random hash seed): the rules must call them equal, and a planted bug
 * must be found, shrunk and reported.
 */
let first: RealRedisServer;
let second: RealRedisServer;
let reference: DifferentialTarget;
let other: DifferentialTarget;

beforeAll(async () => {
  [first, second] = await Promise.all([startReferenceRedis(), startReferenceRedis()]);
  reference = await realRedisTarget(first, 'redis A');
  other = await realRedisTarget(second, 'redis B');
});

afterAll(async () => {
  await reference?.close();
  await other?.close();
  await Promise.all([first?.stop(), second?.stop()]);
});

function stringsGroup(): (typeof familyGroups)[number] {
  const group = familyGroups[0];
  if (group === undefined) throw new Error('no group');
  return group;
}

const decodeOne = (bytes: Buffer): RespReply => decodeAllReplies(bytes)[0] as RespReply;

describe('differential harness (real redis against real redis)', () => {
  it.each(familyGroups.map((group, index) => [group.name, index] as const))('finds no difference between two real servers: %s', async (_, index) => {
    const group = familyGroups[index];
    if (group === undefined) throw new Error('no such group');
    await assertNoDifference({ reference, candidate: other, shape: group.shape, numRuns: 40, seedOffset: 1000 + index });
  });

  it('reports a planted off-by-one in INCR, shrunk to the one command that shows it', async () => {
    const plant = plantedTarget(other, (argv, reply) => (commandName(argv) === 'incr' && reply.kind === 'integer' ? decodeOne(encodeInteger(reply.value + 1n)) : reply));
    const report = await findMinimalDifference({ reference, candidate: plant, shape: stringsGroup().shape, numRuns: 300, seedOffset: 7 });
    expect(report).toMatch(/REDSIM_DIFF_SEED=\d+/);
    expect(report).toMatch(/Generated commands \(1\):\n {2}#1 INCR \S+\n/);
    expect(report).toMatch(/First difference, at command #1:\n {2}> INCR \S+\n {2}redis A: :1\n {2}planted: :2\n/);
  });

  it('reports a reordered LRANGE (an ordered reply) but not a reordered KEYS (an order-free one)', async () => {
    const reverseArray = (reply: RespReply): RespReply => {
      const items = arrayItems(reply);
      return items === undefined || items.length < 2 ? reply : decodeOne(encodeArray([...items].reverse().map((item) => item.raw)));
    };
    const reversesLrange = plantedTarget(other, (argv, reply) => (commandName(argv) === 'lrange' ? reverseArray(reply) : reply));
    const reversesKeys = plantedTarget(other, (argv, reply) => (commandName(argv) === 'keys' ? reverseArray(reply) : reply));
    const lists = familyGroups[2];
    if (lists === undefined) throw new Error('no group');
    const lrangeReport = await findMinimalDifference({ reference, candidate: reversesLrange, shape: lists.shape, numRuns: 200, seedOffset: 8 });
    expect(lrangeReport).toMatch(/Generated commands \([12]\):\n {2}#1 [LR]PUSH/);
    expect(lrangeReport).toMatch(/> LRANGE \S+ 0 -1\n/);
    const keysReport = await findMinimalDifference({ reference, candidate: reversesKeys, shape: stringsGroup().shape, numRuns: 100, seedOffset: 9 });
    expect(keysReport).toBeUndefined();
  });

  it('leaves lex ranges over a skiplist with mixed scores to Redis (its random levels decide them)', async () => {
    const trials = Array.from({ length: 20 }, (_, trial) => {
      const scoresAndMembers = Array.from({ length: 24 }, (_, index) => [String((index * 7919 + trial * 31) % 13), `${String.fromCharCode(97 + ((index * 5 + trial) % 26))}${index}`]).flat();
      return {
        config: { 'zset-max-listpack-entries': '1' },
        operations: [
          operation(['ZADD', 'k1', ...scoresAndMembers]),
          operation(['ZRANGEBYLEX', 'k1', '[m', '+']),
          operation(['ZLEXCOUNT', 'k1', '[f', '[t']),
          operation(['ZRANGESTORE', 'k2', 'k1', '[c', '[q', 'BYLEX']),
          operation(['ZREMRANGEBYLEX', 'k1', '(g', '+']),
        ],
      };
    });
    const differences: string[] = [];
    for (const trial of trials) {
      const outcome = await runSequence(reference, other, trial);
      if (outcome.mismatch !== undefined) differences.push(formatMismatch(outcome, { reference: 'redis A', candidate: 'redis B' }));
    }
    expect(differences).toEqual([]);
  });
});
