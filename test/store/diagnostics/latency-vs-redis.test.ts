import { describe, expect, it } from 'vitest';
import { useRealRedisConnection } from '../../support/use-real-redis.js';
import { createStore } from '../../../src/store/embedded.js';
import { decodeAllReplies } from '../../support/resp-decoder.js';
import { formatReply } from '../../support/resp-format.js';
import type { RespReply } from '../../support/resp-reply.js';

/**
 * LATENCY and LOLWUT replies that do not depend on timing: errors, HELP,
 * the empty monitor, the doctor's disabled text, and LATENCY HISTOGRAM's
 * shape (which commands, their calls) with the buckets masked.
 */
const scripts: readonly (readonly (readonly string[])[])[] = [
  [['LATENCY', 'HELP'], ['LATENCY', 'help', 'x'], ['LATENCY'], ['LATENCY', 'FOO'], ['LATENCY', 'LATEST', 'x'], ['LATENCY', 'HISTORY'], ['LATENCY', 'GRAPH']],
  [['LATENCY', 'LATEST'], ['LATENCY', 'HISTORY', 'command'], ['LATENCY', 'RESET'], ['LATENCY', 'RESET', 'command', 'fork'], ['LATENCY', 'GRAPH', 'command'], ['LATENCY', 'DOCTOR']],
  [['CONFIG', 'SET', 'latency-monitor-threshold', '200'], ['LATENCY', 'LATEST'], ['CONFIG', 'SET', 'latency-monitor-threshold', '0']],
  [['LOLWUT'], ['LOLWUT', 'VERSION', '7'], ['LOLWUT', 'VERSION', 'x'], ['LOLWUT', 'VERSION', '99999999999999999999'], ['LOLWUT', 'VERSION', '-1'], ['LOLWUT', 'foo'], ['LOLWUT', 'VERSION']],
  [['MULTI'], ['MONITOR'], ['EXEC']],
  [['CONFIG', 'RESETSTAT'], ['LATENCY', 'HISTOGRAM'], ['SET', 'a', 'b'], ['SET', 'a', 'c'], ['GET', 'a'], ['CLIENT', 'GETNAME'], ['LATENCY', 'HISTOGRAM', 'set', 'nosuch', 'client'], ['LATENCY', 'HISTOGRAM', 'client|getname', 'get'], ['LATENCY', 'HISTOGRAM', 'client|nosuch']],
];

/** A LATENCY HISTOGRAM reply with the histogram_usec maps masked (real commands take real time). */
function maskedHistogram(reply: RespReply): string {
  if (reply.kind !== 'array' || reply.items === null) return formatReply(reply);
  const items = reply.items;
  const parts: string[] = [];
  for (let index = 0; index + 1 < items.length; index += 2) {
    const details = items[index + 1] as RespReply;
    const calls = details.kind === 'array' && details.items !== null ? formatReply(details.items[1] as RespReply) : '?';
    parts.push(`${formatReply(items[index] as RespReply)} calls=${calls}`);
  }
  return parts.sort().join(', ');
}

function formatFor(argv: readonly string[]): (reply: RespReply) => string {
  return argv[0]?.toLowerCase() === 'latency' && argv[1]?.toLowerCase() === 'histogram' ? maskedHistogram : formatReply;
}

describe('LATENCY and LOLWUT against redis-server 7.0.15', () => {
  const real = useRealRedisConnection();

  scripts.forEach((script, index) => {
    it(`replies as Redis does, script ${index}: ${script.map((argv) => argv.slice(0, 2).join(' ')).join(', ')}`, async () => {
      const store = createStore();
      for (const argv of script) {
        const expected = formatFor(argv)(await real().command(argv));
        const [ours] = decodeAllReplies(store.command(argv));
        expect(ours, `${argv.join(' ')}: a reply`).toBeDefined();
        expect({ argv, reply: formatFor(argv)(ours as RespReply) }).toEqual({ argv, reply: expected });
      }
    });
  });
});
