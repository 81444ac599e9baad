import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { World } from '../../src/sim/world.js';
import { msUs } from './helpers.js';

describe('SimTimers', () => {
  it('fires after(d) when the host clock advanced d: sooner in true time on a fast host', () => {
    const world = new World({ seed: 1 });
    const fast = world.addHost({ name: 'fast', clockDriftPpm: 250_000 });
    const firedAt: number[] = [];
    fast.start((env) => {
      env.timers.after(100, () => firedAt.push(world.nowUs()));
    });
    world.run({ untilUs: msUs(500) });
    expect(firedAt).toEqual([msUs(80)]);
  });

  it('runs soon() callbacks after the current event, in order, before later timers', () => {
    const world = new World({ seed: 1 });
    const host = world.addHost({ name: 'n1' });
    const order: string[] = [];
    host.start((env) => {
      env.timers.after(0, () => order.push('timer 0'));
      env.timers.soon(() => order.push('soon 1'));
      env.timers.soon(() => order.push('soon 2'));
      order.push('main');
    });
    world.run();
    expect(order).toEqual(['main', 'timer 0', 'soon 1', 'soon 2']);
  });

  it('never fires a cancelled timer, and cancelling twice or after firing is a no-op', () => {
    const world = new World({ seed: 1 });
    const host = world.addHost({ name: 'n1' });
    const fired: string[] = [];
    host.start((env) => {
      const early = env.timers.after(1, () => fired.push('early'));
      const cancelled = env.timers.after(5, () => fired.push('cancelled'));
      env.timers.after(2, () => {
        env.timers.cancel(cancelled);
        env.timers.cancel(cancelled);
        env.timers.cancel(early);
      });
    });
    world.run();
    expect(fired).toEqual(['early']);
  });

  it('never fires early on the host monotonic clock, whatever drift changes happen while it waits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: -300_000, max: 300_000 })), { maxLength: 6 }), (delayMs, driftChanges) => {
        const world = new World({ seed: 1 });
        const host = world.addHost({ name: 'n1' });
        let elapsedUs = -1;
        host.start((env) => {
          const armedUs = env.clock.monotonicUs();
          env.timers.after(delayMs, () => (elapsedUs = env.clock.monotonicUs() - armedUs));
        });
        for (const [atMs, driftPpm] of driftChanges) world.at(msUs(atMs) + 1, 'test.drift', driftPpm, () => host.clock.setDriftPpm(driftPpm));
        world.run();
        expect(elapsedUs).toBeGreaterThanOrEqual(msUs(delayMs));
      }),
    );
  });
});
