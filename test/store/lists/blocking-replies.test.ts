import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { startRealRedis, type RealRedisServer } from '../../support/real-redis-server.js';
import type { RespConnection } from '../../support/resp-connection.js';
import type { RespReply } from '../../support/resp-reply.js';

/**
 * Clients blocked on lists, served by one push, on a real redis-server and
 * on the store: who gets what (FIFO per key, BLMOVE chains that serve a
 * client blocked on the destination) must be the same bytes.
 */
let server: RealRedisServer;

beforeAll(async () => {
  server = await startRealRedis();
});

afterAll(async () => {
  await server?.stop();
});

interface Scenario {
  /** Commands that block, one client each, in this order. */
  readonly blockers: readonly (readonly string[])[];
  /** What one more client then sends. */
  readonly trigger: readonly (readonly string[])[];
}

async function blockedClientsOf(connection: RespConnection): Promise<number> {
  const reply = await connection.command(['INFO', 'clients']);
  const info = reply.kind === 'bulk' && reply.value !== null ? reply.value.toString('latin1') : '';
  return Number(/blocked_clients:(\d+)/.exec(info)?.[1] ?? '-1');
}

async function waitForBlocked(connection: RespConnection, count: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if ((await blockedClientsOf(connection)) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`redis never had ${count} blocked clients`);
}

async function onRealRedis(scenario: Scenario): Promise<string[]> {
  const control = await server.connect();
  await control.command(['FLUSHALL']);
  const connections = await Promise.all(scenario.blockers.map(() => server.connect()));
  const pending: Promise<RespReply>[] = [];
  for (const [index, argv] of scenario.blockers.entries()) {
    pending.push((connections[index] as RespConnection).command(argv));
    await waitForBlocked(control, index + 1);
  }
  const triggered = await control.pipeline(scenario.trigger);
  const served = await Promise.all(pending.map((promise) => Promise.race([promise.then((reply) => reply.raw.toString('latin1')), new Promise<string>((resolve) => setTimeout(() => resolve('(still blocked)'), 300))])));
  for (const connection of [...connections, control]) connection.close();
  return [...triggered.map((reply) => reply.raw.toString('latin1')), ...served];
}

function onStore(scenario: Scenario): string[] {
  const store = createStore();
  const clients = scenario.blockers.map((argv) => {
    const client = store.client();
    expect(client.command(argv).length).toBe(0);
    return client;
  });
  const triggered = scenario.trigger.map((argv) => store.command(argv).toString('latin1'));
  const served = clients.map((client) => client.takeReplies().toString('latin1') || '(still blocked)');
  return [...triggered, ...served];
}

const scenarios: Record<string, Scenario> = {
  'first blocked, first served; the rest stay blocked': {
    blockers: [['BRPOP', 'k', '0'], ['BLPOP', 'other', 'k', '0'], ['BLMPOP', '0', '1', 'k', 'LEFT', 'COUNT', '2'], ['BLPOP', 'k', '0']],
    trigger: [['RPUSH', 'k', 'a', 'b', 'c', 'd']],
  },
  'a BLMOVE push serves a client blocked on its destination': {
    blockers: [['BLMOVE', 'k', 'd', 'LEFT', 'RIGHT', '0'], ['BRPOPLPUSH', 'd', 'e', '0'], ['BLPOP', 'e', '0']],
    trigger: [['RPUSH', 'k', 'x', 'y'], ['LRANGE', 'k', '0', '-1'], ['EXISTS', 'd', 'e']],
  },
  'a transaction serves its waiters after EXEC with the final contents': {
    blockers: [['BLPOP', 'k', '0'], ['BLPOP', 'j', '0']],
    trigger: [['MULTI'], ['RPUSH', 'k', 'a'], ['LPUSH', 'k', 'b'], ['RPUSH', 'j', 'x'], ['DEL', 'j'], ['EXEC'], ['LRANGE', 'k', '0', '-1']],
  },
};

describe('served blocked clients against redis-server 7.0', () => {
  it.each(Object.keys(scenarios))('%s', async (name) => {
    const scenario = scenarios[name] as Scenario;
    const real = await onRealRedis(scenario);
    expect(onStore(scenario)).toEqual(real);
  });
});
