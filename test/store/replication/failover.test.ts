import { describe, expect, it } from 'vitest';
import { RespError, type RespValue } from '../../../src/store/protocol/reply-decoder.js';
import { PORT, ReplicationWorld, type PendingReply } from './replication-world.js';

/** A connect whose SYN a partition lost is retried after repl-timeout (as Redis's cron does): 5 s keeps the tests short. */
const REPL_TIMEOUT_SECONDS = 5;
const RECONNECT_MS = (REPL_TIMEOUT_SECONDS + 3) * 1000;

function replicated(seed = 1): ReplicationWorld {
  const sim = new ReplicationWorld({ seed, hosts: 3, config: { 'repl-timeout': REPL_TIMEOUT_SECONDS } });
  sim.call('n2', 'REPLICAOF', 'n1', String(PORT));
  sim.call('n3', 'REPLICAOF', 'n1', String(PORT));
  sim.runMs(1500);
  return sim;
}

function text(value: RespValue | undefined): string {
  if (value instanceof RespError) return `-${value.message}`;
  return String(value);
}

function state(sim: ReplicationWorld, host: string): string | undefined {
  return sim.info(host).get('master_failover_state');
}

/** Writes k0..k{count-1} on the master; the keys whose SET was acknowledged. */
function writeAcknowledged(sim: ReplicationWorld, host: string, count: number): string[] {
  const acknowledged: string[] = [];
  for (let index = 0; index < count; index++) if (sim.call(host, 'SET', `k${index}`, `v${index}`) === 'OK') acknowledged.push(`k${index}`);
  return acknowledged;
}

function expectAllOn(sim: ReplicationWorld, host: string, keys: readonly string[]): void {
  for (const key of keys) expect({ key, value: text(sim.call(host, 'GET', key)) }).toEqual({ key, value: `v${key.slice(1)}` });
}

/** Runs 1 ms at a time until the failover of `host` is in progress (the handshake is about to start). */
function runUntilInProgress(sim: ReplicationWorld, host: string): void {
  const failover = () => sim.node(host);
  for (let step = 0; step < 5000; step++) {
    if (failover().isReplica) return;
    sim.runMs(1);
  }
  throw new Error('the failover never started its handshake');
}

function clog(sim: ReplicationWorld, a: string, b: string): void {
  sim.world.network.partition({ kind: 'links', links: [[a, b], [b, a]] }, 'clog');
}

describe('FAILOVER (coordinated failover) in the simulator', () => {
  it('hands mastership to the named replica; every acknowledged write survives on it and the old master follows', () => {
    const sim = replicated();
    const acknowledged = writeAcknowledged(sim, 'n1', 20);
    expect(sim.call('n1', 'FAILOVER', 'TO', 'n2', String(PORT))).toBe('OK');
    expect(state(sim, 'n1')).toMatch(/^(waiting-for-sync|failover-in-progress)$/);
    sim.runMs(3000);
    expect(state(sim, 'n1')).toBe('no-failover');
    expect(sim.info('n2').get('role')).toBe('master');
    expect(sim.info('n1').get('role')).toBe('slave');
    expect(sim.info('n1').get('master_host')).toBe('n2');
    expect(sim.info('n1').get('master_link_status')).toBe('up');
    expect(sim.info('n2', 'stats').get('sync_partial_ok')).toBe('1');
    expectAllOn(sim, 'n2', acknowledged);
    expect(sim.call('n2', 'SET', 'after', '1')).toBe('OK');
    sim.runMs(2000);
    expect(text(sim.call('n1', 'GET', 'after'))).toBe('1');
    expect(text(sim.call('n3', 'GET', 'after'))).toBe('1');
    expect(sim.digest('n1')).toBe(sim.digest('n2'));
    expect(sim.digest('n3')).toBe(sim.digest('n2'));
  });

  it('without TO fails over to a replica that caught up', () => {
    const sim = replicated(2);
    const acknowledged = writeAcknowledged(sim, 'n1', 10);
    expect(sim.call('n1', 'FAILOVER')).toBe('OK');
    sim.runMs(3000);
    const promoted = ['n2', 'n3'].filter((host) => sim.info(host).get('role') === 'master');
    expect(promoted).toHaveLength(1);
    const target = promoted[0] as string;
    expect(sim.info('n1').get('master_host')).toBe(target);
    expect(state(sim, 'n1')).toBe('no-failover');
    expectAllOn(sim, target, acknowledged);
  });

  it('writes sent during the failover wait, then are refused with READONLY by the demoted master; reads are served', () => {
    const sim = replicated(3);
    const acknowledged = writeAcknowledged(sim, 'n1', 5);
    sim.call('n1', 'FAILOVER', 'TO', 'n2', String(PORT));
    const write = sim.sendAs('n1', 'writer', 'SET', 'during', 'x');
    const read = sim.sendAs('n1', 'reader', 'GET', 'k0');
    sim.runMs(5);
    expect(write.replies).toEqual([]);
    expect(read.replies.map(text)).toEqual(['v0']);
    expect(sim.info('n1', 'clients').get('blocked_clients')).toBe('1');
    sim.runMs(3000);
    expect(write.replies.map(text)).toEqual(["-READONLY You can't write against a read only replica."]);
    expect(sim.call('n2', 'EXISTS', 'during')).toBe(0);
    expectAllOn(sim, 'n2', acknowledged);
  });

  it('TIMEOUT without FORCE aborts: the old master stays master and runs the writes it held', () => {
    const sim = replicated(4);
    clog(sim, 'n1', 'n2');
    expect(sim.call('n1', 'SET', 'unacked-by-n2', '1')).toBe('OK');
    expect(sim.call('n1', 'FAILOVER', 'TO', 'n2', String(PORT), 'TIMEOUT', '500')).toBe('OK');
    const write: PendingReply = sim.sendAs('n1', 'writer', 'SET', 'held', '1');
    sim.runMs(300);
    expect(state(sim, 'n1')).toBe('waiting-for-sync');
    expect(write.replies).toEqual([]);
    sim.runMs(1000);
    expect(state(sim, 'n1')).toBe('no-failover');
    expect(sim.info('n1').get('role')).toBe('master');
    expect(write.replies.map(text)).toEqual(['OK']);
    sim.world.network.heal();
    sim.runMs(2000);
    expect(sim.info('n2').get('role')).toBe('slave');
    expect(sim.digest('n2')).toBe(sim.digest('n1'));
  });

  it('FAILOVER ABORT while waiting for sync leaves the old master master and releases its writes', () => {
    const sim = replicated(5);
    clog(sim, 'n1', 'n2');
    sim.call('n1', 'SET', 'a', '1');
    sim.call('n1', 'FAILOVER', 'TO', 'n2', String(PORT));
    const write = sim.sendAs('n1', 'writer', 'INCR', 'counter');
    sim.runMs(500);
    expect(write.replies).toEqual([]);
    expect(sim.call('n1', 'FAILOVER', 'ABORT')).toBe('OK');
    sim.runMs(5);
    expect(write.replies).toEqual([1]);
    expect(state(sim, 'n1')).toBe('no-failover');
    expect(sim.info('n1').get('role')).toBe('master');
    expect(text(sim.call('n1', 'FAILOVER', 'ABORT'))).toBe('-ERR No failover in progress.');
  });

  it('FORCE fails over after the timeout to a target that had not acknowledged everything', () => {
    const sim = replicated(6);
    clog(sim, 'n1', 'n2');
    expect(sim.call('n1', 'SET', 'lagging', '1')).toBe('OK');
    expect(sim.call('n1', 'FAILOVER', 'TO', 'n2', String(PORT), 'FORCE', 'TIMEOUT', '300')).toBe('OK');
    sim.runMs(1000);
    expect(state(sim, 'n1')).toBe('failover-in-progress');
    expect(sim.info('n1').get('role')).toBe('slave');
    const n2Acked = Number(/offset=(\d+)/.exec(sim.info('n1').get('slave0') ?? '')?.[1]);
    expect(sim.info('n1').get('slave0')).toMatch(/^ip=n2,/);
    expect(n2Acked).toBeLessThan(Number(sim.info('n1').get('master_repl_offset')));
    sim.world.network.heal();
    sim.runMs(RECONNECT_MS);
    expect(state(sim, 'n1')).toBe('no-failover');
    expect(sim.info('n2').get('role')).toBe('master');
    expect(sim.info('n1').get('master_host')).toBe('n2');
    expect(sim.digest('n1')).toBe(sim.digest('n2'));
  });

  it('a partition during the PSYNC FAILOVER handshake keeps may-replicate commands paused until it heals, then completes', () => {
    const sim = replicated(7);
    const acknowledged = writeAcknowledged(sim, 'n1', 5);
    sim.call('n1', 'FAILOVER', 'TO', 'n2', String(PORT));
    runUntilInProgress(sim, 'n1');
    clog(sim, 'n1', 'n2');
    // Already a replica: a write is refused before the pause check, as processCommand orders them.
    expect(text(sim.call('n1', 'SET', 'during', 'x'))).toBe("-READONLY You can't write against a read only replica.");
    const publish = sim.sendAs('n1', 'publisher', 'PUBLISH', 'channel', 'message');
    sim.runMs(2000);
    expect(state(sim, 'n1')).toBe('failover-in-progress');
    expect(sim.info('n2').get('role')).toBe('slave');
    expect(publish.replies).toEqual([]);
    sim.world.network.heal();
    sim.runMs(RECONNECT_MS);
    expect(state(sim, 'n1')).toBe('no-failover');
    expect(sim.info('n2').get('role')).toBe('master');
    expect(publish.replies).toEqual([0]);
    expectAllOn(sim, 'n2', acknowledged);
    expect(sim.digest('n1')).toBe(sim.digest('n2'));
  });

  it('FAILOVER ABORT during the handshake makes the old master master again; writes resume on it', () => {
    const sim = replicated(8);
    sim.call('n1', 'FAILOVER', 'TO', 'n2', String(PORT));
    runUntilInProgress(sim, 'n1');
    clog(sim, 'n1', 'n2');
    const publish = sim.sendAs('n1', 'publisher', 'PUBLISH', 'channel', 'message');
    sim.runMs(500);
    expect(publish.replies).toEqual([]);
    expect(text(sim.call('n1', 'REPLICAOF', 'NO', 'ONE'))).toBe('-ERR REPLICAOF not allowed while failing over.');
    expect(sim.call('n1', 'FAILOVER', 'ABORT')).toBe('OK');
    sim.runMs(5);
    expect(sim.info('n1').get('role')).toBe('master');
    expect(publish.replies).toEqual([0]);
    expect(sim.call('n1', 'SET', 'during', 'x')).toBe('OK');
    sim.world.network.heal();
    sim.runMs(RECONNECT_MS);
    expect(sim.info('n2').get('role')).toBe('slave');
    expect(text(sim.call('n2', 'GET', 'during'))).toBe('x');
  });

  it('a target that is no longer a replica rejects PSYNC FAILOVER and the old master aborts back to master', () => {
    const sim = replicated(9);
    sim.call('n1', 'FAILOVER', 'TO', 'n2', String(PORT));
    runUntilInProgress(sim, 'n1');
    clog(sim, 'n1', 'n2');
    const publish = sim.sendAs('n1', 'publisher', 'PUBLISH', 'channel', 'message');
    sim.runMs(200);
    expect(sim.call('n2', 'REPLICAOF', 'NO', 'ONE')).toBe('OK');
    sim.world.network.heal();
    sim.runMs(RECONNECT_MS);
    expect(state(sim, 'n1')).toBe('no-failover');
    expect(sim.info('n1').get('role')).toBe('master');
    expect(publish.replies).toEqual([0]);
    expect(sim.call('n1', 'SET', 'after', 'x')).toBe('OK');
  });
});

describe('FAILOVER refusals that need replicas', () => {
  it('answers Redis 7.0.15 error strings for a bad target, a second request, replicas and SYNC during a failover', () => {
    const sim = replicated(10);
    expect(text(sim.call('n1', 'FAILOVER', 'TO', 'n9', String(PORT)))).toBe('-ERR FAILOVER target HOST and PORT is not a replica.');
    expect(text(sim.call('n1', 'FAILOVER', 'TO', 'n2', '1'))).toBe('-ERR FAILOVER target HOST and PORT is not a replica.');
    expect(text(sim.call('n2', 'FAILOVER'))).toBe('-ERR FAILOVER is not valid when server is a replica.');
    expect(text(sim.call('n1', 'FAILOVER', 'FORCE', 'TIMEOUT', '10'))).toBe('-ERR FAILOVER with force option requires both a timeout and target HOST and IP.');
    clog(sim, 'n1', 'n2');
    clog(sim, 'n1', 'n3');
    sim.call('n1', 'SET', 'x', '1');
    expect(sim.call('n1', 'FAILOVER', 'TO', 'n2', String(PORT))).toBe('OK');
    expect(text(sim.call('n1', 'FAILOVER'))).toBe('-ERR FAILOVER already in progress.');
    expect(text(sim.call('n1', 'REPLICAOF', 'n3', String(PORT)))).toBe('-ERR REPLICAOF not allowed while failing over.');
    expect(text(sim.call('n1', 'PSYNC', '?', '-1'))).toBe("-NOMASTERLINK Can't SYNC while failing over");
    expect(text(sim.call('n2', 'PSYNC', 'wrong', '1', 'FAILOVER'))).toBe('-ERR PSYNC FAILOVER replid must match my replid.');
    expect(sim.call('n1', 'FAILOVER', 'ABORT')).toBe('OK');
  });
});

describe('FAILOVER corner cases a consistency checker should see', () => {
  it('a PSYNC FAILOVER reply lost after the target took over leaves two masters (Redis 7.0 aborts on the retry)', () => {
    const sim = replicated(12);
    sim.call('n1', 'FAILOVER', 'TO', 'n2', String(PORT));
    runUntilInProgress(sim, 'n1');
    for (let step = 0; step < 50_000 && sim.node('n2').isReplica; step++) sim.runMs(0.01);
    expect(sim.node('n2').isReplica).toBe(false);
    sim.world.network.partition({ kind: 'links', links: [['n2', 'n1']] }, 'drop');
    sim.runMs(RECONNECT_MS);
    sim.world.network.heal();
    sim.runMs(RECONNECT_MS);
    expect(state(sim, 'n1')).toBe('no-failover');
    expect(sim.info('n1').get('role')).toBe('master');
    expect(sim.info('n2').get('role')).toBe('master');
    const n1Logs = sim.world.logs.entries().filter((entry) => entry.host === 'n1').map((entry) => entry.message);
    expect(n1Logs).toContain('FAILOVER to n2:6379 aborted: Failover target rejected psync request');
    expect(sim.call('n1', 'SET', 'split', 'n1')).toBe('OK');
    expect(sim.call('n2', 'SET', 'split', 'n2')).toBe('OK');
  });
});

describe('FAILOVER determinism', () => {
  it('the same seed gives the same run: identical logs and datasets', () => {
    const run = (seed: number): { readonly logs: string[]; readonly digest: string } => {
      const sim = replicated(seed);
      writeAcknowledged(sim, 'n1', 5);
      sim.call('n1', 'FAILOVER', 'TIMEOUT', '5000');
      sim.runMs(3000);
      return { logs: sim.world.logs.entries().map((entry) => `${entry.timeUs} ${entry.host} ${entry.message}`), digest: sim.digest('n1') };
    };
    const first = run(13);
    expect(first.logs.some((line) => line.includes('is synced, failing over.'))).toBe(true);
    expect(run(13)).toEqual(first);
  });
});
