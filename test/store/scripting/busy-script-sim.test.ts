import { describe, expect, it } from 'vitest';
import type { Env } from '../../../src/env/env.js';
import type { Connection } from '../../../src/env/network.js';
import { World } from '../../../src/sim/world.js';
import { StoreNode } from '../../../src/store/server/node.js';

function request(...argv: string[]): Buffer {
  return Buffer.from(`*${argv.length}\r\n${argv.map((argument) => `$${Buffer.byteLength(argument)}\r\n${argument}\r\n`).join('')}`);
}

/** Two clients against one node in the simulator: a busy script, a PING during it, SCRIPT KILL, a PING after. */
function runScenario(seed: number): { readonly replies: string[]; readonly traceHash: string } {
  const world = new World({ seed, network: { latency: { kind: 'constant', ms: 1 } } });
  const replies: string[] = [];
  world.addHost({ name: 'n1' }).start((env) => void new StoreNode({ env, config: { 'lua-time-limit': '10' } }).start());
  world.addHost({ name: 'c1' }).start((env: Env) => {
    const open = (name: string): Connection =>
      env.net.connect({ host: 'n1', port: 6379 }, {
        onData: (data) => replies.push(`${Math.floor(world.nowUs() / 1000)}ms ${name} ${Buffer.from(data).toString('latin1').trim()}`),
        onClose: () => undefined,
      });
    const scripted = open('eval');
    const other = open('other');
    env.timers.after(5, () => scripted.write(request('EVAL', 'local i = 0 while true do i = i + 1 end', '0')));
    env.timers.after(40, () => other.write(request('PING')));
    env.timers.after(60, () => other.write(request('SCRIPT', 'KILL')));
    env.timers.after(80, () => other.write(request('PING')));
  });
  world.run({ untilUs: 120_000 });
  return { replies, traceHash: world.trace.hash() };
}

describe('a busy script in the simulator', () => {
  it('lets virtual time pass between slices, refuses others with -BUSY until SCRIPT KILL, and repeats exactly for a seed', () => {
    const first = runScenario(7);
    const lines = first.replies.map((line) => line.replace(/^\d+ms /, ''));
    expect(lines[0]).toBe('other -BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.');
    // The kill's OK and the script's error leave in the same instant; the network orders them.
    expect(lines.slice(1, 3).sort()).toEqual(['eval -ERR Script killed by user with SCRIPT KILL... script: 3fcf51a9b854b8f66cb8685600b0d7df968f4398, on @user_script:1.', 'other +OK']);
    expect(lines[3]).toBe('other +PONG');
    expect(Number(/^(\d+)ms/.exec(first.replies[0] ?? '')?.[1])).toBeGreaterThanOrEqual(40);
    expect(runScenario(7)).toEqual(first);
  });
});
