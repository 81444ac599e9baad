import { describe, expect, it } from 'vitest';
import { decodeReplies, type RespValue } from '../../../src/store/protocol/reply-decoder.js';
import { RespReplyWriter } from '../../../src/store/protocol/resp-reply-writer.js';
import { runSentinelCommand } from '../../../src/store/sentinel/sentinel-commands.js';
import type { Sentinel } from '../../../src/store/sentinel/sentinel.js';
import { SentinelWorld } from './sentinel-world.js';

function ask(sentinel: Sentinel, ...argv: string[]): RespValue {
  const writer = new RespReplyWriter();
  runSentinelCommand(sentinel, argv, writer);
  return decodeReplies(writer.takeBytes())[0] as RespValue;
}

const text = (value: RespValue): unknown => (Array.isArray(value) ? value.map(text) : Buffer.isBuffer(value) ? value.toString() : value instanceof Error ? value.message : value);

describe('SENTINEL commands', () => {
  it('answer where the master is, what it knows, and refuse unknown names', () => {
    const sim = new SentinelWorld({ seed: 6, replicas: 2, sentinels: 3, quorum: 2 });
    sim.runMs(12_000);
    const s1 = sim.sentinel('s1');
    expect(text(ask(s1, 'SENTINEL', 'get-master-addr-by-name', 'mymaster'))).toEqual(['n1', '6379']);
    expect(ask(s1, 'SENTINEL', 'get-master-addr-by-name', 'nope')).toBeNull();
    const master = text(ask(s1, 'SENTINEL', 'master', 'mymaster')) as string[];
    expect(master[master.indexOf('num-slaves') + 1]).toBe('2');
    expect(master[master.indexOf('num-other-sentinels') + 1]).toBe('2');
    expect((text(ask(s1, 'SENTINEL', 'replicas', 'mymaster')) as unknown[]).length).toBe(2);
    expect(text(ask(s1, 'SENTINEL', 'master', 'nope'))).toBe('ERR No such master with that name');
    expect(text(ask(s1, 'PING'))).toBe('PONG');
    expect(text(ask(s1, 'ROLE'))).toEqual(['sentinel', ['mymaster']]);
  });

  it('SENTINEL FAILOVER promotes a replica without asking the others, and refuses a second one while it runs', () => {
    const sim = new SentinelWorld({ seed: 7, replicas: 2, sentinels: 3, quorum: 2 });
    sim.runMs(12_000);
    const s2 = sim.sentinel('s2');
    expect(ask(s2, 'SENTINEL', 'failover', 'mymaster')).toBe('OK');
    expect(text(ask(s2, 'SENTINEL', 'failover', 'mymaster'))).toBe('INPROG Failover already in progress');
    sim.runMs(15_000);
    const promoted = sim.mastersSeen()[1] as string;
    expect(['n2', 'n3']).toContain(promoted);
    expect(sim.mastersSeen()).toEqual([promoted, promoted, promoted]);
    expect(sim.roleOf(promoted)).toBe('master');
    sim.runMs(15_000);
    expect(sim.roleOf('n1')).toBe(`replica-of-${promoted}`);
  });
});
