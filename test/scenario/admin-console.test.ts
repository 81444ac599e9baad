import { describe, expect, test } from 'vitest';
import { adminReplyText } from '../../src/scenario/admin-console.js';
import { runScenario } from '../../src/scenario/runner.js';
import { RespError } from '../../src/store/protocol/reply-decoder.js';
import failoverCommand from '../../scenarios/failover-command.js';
import { nemesisBench } from '../nemesis/nemesis-bench.js';

describe('admin faults: the control node sends an operator command and records the reply', () => {
  test('FAILOVER on the master moves mastership: the second command, sent to the master of the moment, goes to another node', () => {
    const output = runScenario(failoverCommand, 1);
    const replies = output.history.filter((op) => op.process === 'nemesis' && op.f === 'admin-reply').map((op) => op.value as Record<string, string>);
    expect(replies).toHaveLength(2);
    expect(replies[0]).toEqual({ host: 'n1', command: 'FAILOVER', reply: 'OK' });
    expect(replies[1]?.command).toBe('FAILOVER TIMEOUT 2000');
    expect(replies[1]?.reply).toBe('OK');
    expect(replies[1]?.host).not.toBe('n1');
    expect(output.result.verdict).toBe('valid');
  });

  test('after FAILOVER TO n3 the old master\'s other replica follows it in a chain, and the run still settles and converges', () => {
    const toN3 = { ...failoverCommand, nemesis: { timeline: [{ atMs: 3_000, durationMs: 0, fault: { kind: 'admin' as const, target: 'n1', argv: ['FAILOVER', 'TO', 'n3', '6379'] } }] } };
    const output = runScenario(toN3, 1);
    expect(output.result.nodes.map((node) => [node.host, node.role])).toEqual([['n1', 'replica'], ['n2', 'replica'], ['n3', 'master']]);
    expect(output.result.verdict).toBe('valid');
  });

  test('a run without a control node records the admin fault without effect', () => {
    const { apply } = nemesisBench();
    const record = apply({ kind: 'admin', target: 'n1', argv: ['FAILOVER'] }, 0);
    expect(record.effective).toBe(false);
    expect(record.details).toEqual({ note: 'the run has no control node' });
  });

  test('replies read as redis-cli prints them', () => {
    expect(adminReplyText('OK')).toBe('OK');
    expect(adminReplyText(new RespError('ERR FAILOVER already in progress.'))).toBe('(error) ERR FAILOVER already in progress.');
    expect(adminReplyText(3)).toBe('(integer) 3');
    expect(adminReplyText(null)).toBe('(nil)');
    expect(adminReplyText([Buffer.from('a'), 1])).toBe('[a, (integer) 1]');
  });
});
