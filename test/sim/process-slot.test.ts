import { describe, expect, it } from 'vitest';
import { World } from '../../src/sim/world.js';
import { msUs } from './helpers.js';

describe('ProcessSlot', () => {
  it('keeps serving a process after one of its events held during a pause is cancelled', () => {
    const world = new World({ seed: 1 });
    const host = world.addHost({ name: 'n1' });
    const fired: string[] = [];
    host.start((env) => {
      env.timers.after(5, () => {
        fired.push('a');
        env.timers.cancel(cancelledWhileHeld);
      });
      const cancelledWhileHeld = env.timers.after(6, () => fired.push('b'));
      env.timers.after(20, () => fired.push('c'));
    });
    world.at(msUs(1), 'test', 'pause', () => host.pause());
    world.at(msUs(10), 'test', 'resume', () => host.resume());
    world.run({ untilUs: msUs(100) });
    expect(fired).toEqual(['a', 'c']);
  });
});
