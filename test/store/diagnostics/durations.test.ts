import { describe, expect, it } from 'vitest';
import type { CommandSpec } from '../../../src/store/commands/command.js';
import { createStore, type Store } from '../../../src/store/embedded.js';
import { keyless } from '../../../src/store/server/commands/spec.js';
import { serverContext } from '../../../src/store/server/execution-context.js';
import { addLatencySampleIfNeeded } from '../../../src/store/server/command-observers.js';
import type { ManualClock } from '../../../src/env/manual/manual-clock.js';

/** WORK <µs> / FASTWORK <µs>: commands that take that long on the store's manual clock. */
function workCommand(name: string, flags: CommandSpec['flags']): CommandSpec {
  return keyless(name, 2, flags, ['slow'], (ctx) => {
    const clock = serverContext(ctx).node.env.clock as ManualClock;
    clock.moveTo(clock.elapsedMicroseconds() + Number((ctx.argv[1] as Buffer).toString()));
    ctx.reply.ok();
  });
}

function storeWithWork(config: Readonly<Record<string, string>> = {}): Store {
  return createStore({ config, extraCommands: [workCommand('work', []), workCommand('fastwork', ['fast'])] });
}

/** A decoded reply with bulk strings as latin1 text, so replies compare with plain literals. */
function textOf(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (Array.isArray(value)) return value.map(textOf);
  return value;
}

function run(store: Store, ...argv: string[]): unknown {
  return textOf(store.call(...argv));
}

function nowSeconds(store: Store): number {
  return Math.floor(store.env.clock.nowMs() / 1000);
}

describe('command durations on the manual clock', () => {
  it('logs exactly the commands at or over slowlog-log-slower-than, with their virtual duration', () => {
    const store = storeWithWork({ 'slowlog-log-slower-than': '1000' });
    run(store, 'WORK', '999');
    run(store, 'CLIENT', 'SETNAME', 'worker');
    run(store, 'WORK', '1000');
    const seconds = nowSeconds(store);
    expect(run(store, 'SLOWLOG', 'GET')).toEqual([[0, seconds, 1000, ['WORK', '1000'], `127.0.0.1:50000`, 'worker']]);
    run(store, 'WORK', '250000');
    expect(run(store, 'SLOWLOG', 'LEN')).toBe(2);
    expect((run(store, 'SLOWLOG', 'GET', '1') as unknown[][])[0]?.slice(0, 3)).toEqual([1, seconds, 250000]);
  });

  it('times pipelined commands back to back (one clock read between two), and never counts the idle time between reads', () => {
    const store = storeWithWork({ 'slowlog-log-slower-than': '0' });
    store.sendRaw('WORK 300\r\nPING\r\nWORK 200\r\n');
    store.advance(5_000);
    run(store, 'PING');
    const durations = (run(store, 'SLOWLOG', 'GET', '-1') as unknown[][]).reverse().map((entry) => [(entry[3] as string[])[0], entry[2]]);
    expect(durations).toEqual([
      ['WORK', 300],
      ['PING', 0],
      ['WORK', 200],
      ['PING', 0],
    ]);
  });

  it('adds durations to INFO commandstats usec and usec_per_call', () => {
    const store = storeWithWork();
    run(store, 'WORK', '1500');
    run(store, 'WORK', '500');
    const info = run(store, 'INFO', 'commandstats') as string;
    expect(info).toContain('cmdstat_work:calls=2,usec=2000,usec_per_call=1000.00,');
  });

  it('keeps the worst latency per second per event, split by the fast flag, over latency-monitor-threshold', () => {
    const store = storeWithWork({ 'latency-monitor-threshold': '2' });
    run(store, 'WORK', '1999');
    expect(run(store, 'LATENCY', 'LATEST')).toEqual([]);
    run(store, 'WORK', '2500');
    run(store, 'WORK', '5000');
    const first = nowSeconds(store);
    store.advance(1000);
    run(store, 'WORK', '3000');
    run(store, 'FASTWORK', '4000');
    const second = nowSeconds(store);
    expect(second).toBe(first + 1);
    expect(run(store, 'LATENCY', 'HISTORY', 'command')).toEqual([[first, 5], [second, 3]]);
    expect(run(store, 'LATENCY', 'LATEST')).toEqual([['command', second, 3, 5], ['fast-command', second, 4, 4]]);
    expect(run(store, 'LATENCY', 'RESET', 'COMMAND')).toBe(1);
    expect(run(store, 'LATENCY', 'LATEST')).toEqual([['fast-command', second, 4, 4]]);
  });

  it('takes latency samples of other layers (expire-cycle...) only at or over the threshold, with their doctor advice', () => {
    const store = storeWithWork();
    addLatencySampleIfNeeded(store.node, 'expire-cycle', 500);
    expect(run(store, 'LATENCY', 'LATEST')).toEqual([]);
    run(store, 'CONFIG', 'SET', 'latency-monitor-threshold', '20');
    addLatencySampleIfNeeded(store.node, 'expire-cycle', 19);
    addLatencySampleIfNeeded(store.node, 'expire-cycle', 25);
    expect(run(store, 'LATENCY', 'LATEST')).toEqual([['expire-cycle', nowSeconds(store), 25, 25]]);
    expect(run(store, 'LATENCY', 'DOCTOR')).toContain("- In order to make the Redis keys expiring process more incremental, try to set the 'hz' configuration parameter to 100 using 'CONFIG SET hz 100'.\n");
  });

  it('reports the doctor analysis of the samples (average, mean deviation, period) and the advice for commands', () => {
    const store = storeWithWork({ 'latency-monitor-threshold': '1', 'slowlog-log-slower-than': '1000' });
    run(store, 'WORK', '5000');
    store.advance(1000);
    run(store, 'WORK', '1000');
    const report = run(store, 'LATENCY', 'DOCTOR') as string;
    expect(report).toBe(
      "Dave, I have observed latency spikes in this Redis instance. You don't mind talking about it, do you Dave?\n\n" +
        '1. command: 2 latency spikes (average 3ms, mean deviation 2ms, period 0.50 sec). Worst all time event 5ms.\n' +
        '\nI have a few advices for you:\n\n' +
        '- Check your Slow Log to understand what are the commands you are running which are too slow to execute. Please check https://redis.io/commands/slowlog for more information.\n' +
        '- Deleting, expiring or evicting (because of maxmemory policy) large objects is a blocking operation. If you have very large objects that are often deleted, expired, or evicted, try to fragment those objects into multiple smaller objects.\n',
    );
  });

  it('tells the doctor saw no spike once the monitor is on, and that it is off before', () => {
    const store = storeWithWork();
    expect(run(store, 'LATENCY', 'DOCTOR')).toMatch(/^I'm sorry, Dave, I can't do that\. Latency monitoring is disabled/);
    run(store, 'CONFIG', 'SET', 'latency-monitor-threshold', '200');
    run(store, 'WORK', '199999');
    // Redis adds advice when the host uses transparent huge pages; the simulated host has none.
    expect(run(store, 'LATENCY', 'DOCTOR')).toBe('Dave, no latency spike was observed during the lifetime of this Redis instance, not in the slightest bit. I honestly think you ought to sit down calmly, take a stress pill, and think things over.\n');
  });

  it('draws LATENCY GRAPH as Redis sparklines: fill characters by step, labels of elapsed time below', () => {
    const store = storeWithWork({ 'latency-monitor-threshold': '1' });
    run(store, 'WORK', '1000');
    store.advance(1000);
    run(store, 'WORK', '13000');
    store.advance(2000);
    const graph = run(store, 'LATENCY', 'GRAPH', 'command') as string;
    // Two samples 1 ms and 13 ms: steps 0 and 11 of 12 over 4 rows; labels "3s" and "2s" read downwards.
    expect(graph).toBe(`command - high 13 ms, low 1 ms (all time high 13 ms)\n${'-'.repeat(80)}\n #\n |\n |\n_|\n  \n32\nss\n`);
    expect(run(store, 'LATENCY', 'GRAPH', 'fork')).toMatchObject({ message: "ERR No samples available for event 'fork'" });
  });

  it('builds LATENCY HISTOGRAM and INFO latencystats from the recorded durations as hdr_histogram reports them', () => {
    const store = storeWithWork();
    for (const microseconds of ['0', '1', '3', '1500']) run(store, 'WORK', microseconds);
    expect(run(store, 'LATENCY', 'HISTOGRAM', 'work')).toEqual(['work', ['calls', 4, 'histogram_usec', [1, 2, 4, 3, 2113, 4]]]);
    const info = run(store, 'INFO', 'latencystats') as string;
    expect(info).toContain('latency_percentiles_usec_work:p50=1.003,p99=1507.327,p99.9=1507.327\r\n');
    run(store, 'CONFIG', 'SET', 'latency-tracking-info-percentiles', '0 100');
    expect(run(store, 'INFO', 'latencystats') as string).toContain('latency_percentiles_usec_work:p0=0.001,p100=1507.327\r\n');
    run(store, 'CONFIG', 'RESETSTAT');
    expect(run(store, 'LATENCY', 'HISTOGRAM', 'work')).toEqual([]);
  });

  it('leaves calls made with latency-tracking off out of the histograms, as Redis does', () => {
    const store = storeWithWork({ 'latency-tracking': 'no' });
    run(store, 'WORK', '0');
    run(store, 'WORK', '7');
    expect(run(store, 'LATENCY', 'HISTOGRAM', 'work')).toEqual([]);
    run(store, 'CONFIG', 'SET', 'latency-tracking', 'yes');
    run(store, 'WORK', '0');
    expect(run(store, 'LATENCY', 'HISTOGRAM', 'work')).toEqual(['work', ['calls', 1, 'histogram_usec', [1, 1]]]);
    expect(run(store, 'INFO', 'latencystats')).toContain('latency_percentiles_usec_work:p50=0.001,');
  });

  it('does not log EXEC itself, only the commands it ran', () => {
    const store = storeWithWork({ 'slowlog-log-slower-than': '0' });
    run(store, 'MULTI');
    run(store, 'WORK', '10');
    run(store, 'EXEC');
    const logged = (run(store, 'SLOWLOG', 'GET') as unknown[][]).map((entry) => entry[3]);
    expect(logged).toEqual([['WORK', '10'], ['MULTI']]);
  });

  it('logs a blocking command once a key serves it, not when it blocks nor when it times out', () => {
    const store = storeWithWork({ 'slowlog-log-slower-than': '0' });
    const blocked = store.client();
    expect(blocked.command(['BLPOP', 'list', '0']).length).toBe(0);
    expect(run(store, 'SLOWLOG', 'LEN')).toBe(0);
    run(store, 'LPUSH', 'list', 'a');
    expect(blocked.takeReplies().toString()).toBe('*2\r\n$4\r\nlist\r\n$1\r\na\r\n');
    const served = (run(store, 'SLOWLOG', 'GET') as unknown[][]).map((entry) => entry[3]);
    expect(served).toEqual([['BLPOP', 'list', '0'], ['LPUSH', 'list', 'a'], ['SLOWLOG', 'LEN']]);
    run(store, 'SLOWLOG', 'RESET');
    expect(blocked.command(['BLPOP', 'other', '1']).length).toBe(0);
    store.advance(1100);
    expect(blocked.takeReplies().toString()).toBe('*-1\r\n');
    expect((run(store, 'SLOWLOG', 'GET') as unknown[][]).map((entry) => entry[3])).toEqual([['SLOWLOG', 'RESET']]);
  });
});

describe('the embedded fast path', () => {
  it('gives way when the slow log logs everything, so SET and GET are logged', () => {
    const store = createStore({ config: { 'slowlog-log-slower-than': '0' } });
    run(store, 'SET', 'k', 'v');
    run(store, 'GET', 'k');
    expect((run(store, 'SLOWLOG', 'GET') as unknown[][]).map((entry) => entry[3])).toEqual([['GET', 'k'], ['SET', 'k', 'v']]);
  });

  it('gives way when a monitor is attached, and again runs when it leaves', () => {
    const store = createStore();
    const monitor = store.client();
    monitor.command(['MONITOR']);
    run(store, 'INCR', 'n');
    expect(monitor.takeReplies().toString()).toMatch(/^\+\d+\.\d{6} \[0 127\.0\.0\.1:\d+\] "INCR" "n"\r\n$/);
    monitor.close();
    run(store, 'INCR', 'n');
    expect(run(store, 'GET', 'n')).toBe('2');
  });
});
