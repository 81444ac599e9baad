import { describe, expect, it } from 'vitest';
import { SimNode } from '../support/sim-node.js';

const INCR_FILE = 'appendonlydir/appendonly.aof.2.incr.aof';
const FIELD = ' '.repeat(70);

/**
 * The minimal case fast-check seed 15 found: under everysec, a DEL in a new
 * second starts a background fsync; an HSET 1 ms later finds it running, so
 * flushAppendOnlyFile postpones the write (aof.c keeps it in aof_buf) until a
 * later beforeSleep or serverCron. Redis 7.0.15 behaves the same way: a kill
 * in that window loses the write although its reply was sent.
 */
function nodeWithPostponedHset(): SimNode {
  const sim = new SimNode({ config: { save: '', appendonly: 'yes', appendfsync: 'everysec' } });
  sim.callWithin(1, 'SADD', 's:a', '0');
  sim.callWithin(1, 'RPUSH', 'l:a', FIELD);
  sim.run(351);
  sim.call('BGREWRITEAOF');
  sim.callWithin(1, 'SET', 'str:a', '');
  sim.run(582);
  expect(sim.callWithin(1, 'DEL', 'str:a', 'l:a')).toBe(2);
  expect(sim.callWithin(1, 'HSET', 'h:a', FIELD, '')).toBe(1);
  return sim;
}

describe('flushAppendOnlyFile (everysec)', () => {
  it('postpones a write while a background fsync runs, and writes it at the next cron', () => {
    const sim = nodeWithPostponedHset();
    const early = sim.file(INCR_FILE)?.toString('latin1') ?? '';
    expect(early).toContain('DEL');
    expect(early).not.toContain('HSET');
    sim.run(250);
    expect(sim.file(INCR_FILE)?.toString('latin1') ?? '').toContain('HSET');
  });

  it('loses a postponed write on a kill before the next cron, like Redis', () => {
    const sim = nodeWithPostponedHset();
    sim.run(50);
    expect(sim.live.datasetDigest()).not.toBe('0'.repeat(40));
    sim.kill();
    sim.restart();
    expect(sim.call('EXISTS', 'h:a')).toBe(0);
    expect(sim.call('EXISTS', 'str:a', 'l:a', 's:a')).toBe(1);
  });

  it('keeps the write once the cron has flushed it, so a kill then loses nothing', () => {
    const sim = nodeWithPostponedHset();
    sim.run(250);
    const live = sim.live.datasetDigest();
    sim.kill();
    sim.restart();
    expect(sim.live.datasetDigest()).toBe(live);
    expect(sim.call('HGET', 'h:a', FIELD)).toBeDefined();
    expect(sim.call('EXISTS', 'h:a')).toBe(1);
  });
});
