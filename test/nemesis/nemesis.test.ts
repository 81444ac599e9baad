import { describe, expect, test } from 'vitest';
import { msUs, nemesisBench } from './nemesis-bench.js';

describe('nemesis: each fault has an observable effect and heals', () => {
  test('isolate cuts the host from every other host, clients included, until its window ends', () => {
    const { world, apply } = nemesisBench();
    const record = apply({ kind: 'partition', mode: 'clog', shape: 'isolate', target: 'n1' }, 100);
    expect(record.target).toBe('n1');
    expect(world.network.blockMode('n1', 'n2')).toBe('clog');
    expect(world.network.blockMode('c1', 'n1')).toBe('clog');
    expect(world.network.blockMode('n2', 'n3')).toBeUndefined();
    world.run({ untilUs: world.nowUs() + msUs(150) });
    expect(world.network.blockMode('n1', 'n2')).toBeUndefined();
  });

  test('halves, bridge and ring cut links among store hosts only; clients reach every side', () => {
    for (const shape of ['halves', 'bridge', 'ring'] as const) {
      const { world, apply } = nemesisBench(1, 5);
      const record = apply({ kind: 'partition', mode: 'drop', shape }, 100);
      const hosts = ['n1', 'n2', 'n3', 'n4', 'n5'];
      const storeLinks = hosts.flatMap((from) => hosts.map((to) => world.network.blockMode(from, to)));
      expect(storeLinks.some((mode) => mode === 'drop'), shape).toBe(true);
      for (const host of hosts) expect(world.network.blockMode('c1', host), shape).toBeUndefined();
      expect(record.effective).toBe(true);
    }
  });

  test('a ring of three hosts cuts nothing: the fault is recorded without effect', () => {
    const { world, apply } = nemesisBench();
    const record = apply({ kind: 'partition', mode: 'clog', shape: 'ring' }, 100);
    expect(record.effective).toBe(false);
    expect(world.network.links.blockedCount).toBe(0);
  });

  test('healing one of two overlapping partitions keeps the other in force', () => {
    const { world, apply } = nemesisBench();
    apply({ kind: 'partition', mode: 'clog', shape: 'one-way', from: 'n1', to: 'n2' }, 50);
    apply({ kind: 'partition', mode: 'clog', shape: 'one-way', from: 'n3', to: 'n2' }, 200);
    world.run({ untilUs: world.nowUs() + msUs(100) });
    expect(world.network.blockMode('n1', 'n2')).toBeUndefined();
    expect(world.network.blockMode('n3', 'n2')).toBe('clog');
    expect(world.network.blockMode('n2', 'n3')).toBeUndefined();
  });

  test('kill stops the process (its target resolved from the role) and the heal restarts it as a new incarnation', () => {
    const { world, apply } = nemesisBench();
    const before = world.host('n1').incarnation;
    const record = apply({ kind: 'kill', target: 'master' }, 100);
    expect(record.target).toBe('n1');
    expect(world.host('n1').state).toBe('dead');
    world.run({ untilUs: world.nowUs() + msUs(150) });
    expect(world.host('n1').state).toBe('running');
    expect(world.host('n1').incarnation).toBe(before + 1);
  });

  test('power loss drops data that was never fsynced, then restarts the process', () => {
    const { world, apply } = nemesisBench();
    const host = world.host('n2');
    expect(host.disk.peekFile('data')).not.toBeNull();
    apply({ kind: 'power-loss', target: 'n2' }, 100);
    expect(host.state).toBe('dead');
    expect(host.disk.peekFile('data')).toBeNull();
    world.run({ untilUs: world.nowUs() + msUs(150) });
    expect(host.state).toBe('running');
  });

  test('pause holds the process until the heal resumes it; pausing a dead process has no effect', () => {
    const { world, apply } = nemesisBench();
    apply({ kind: 'pause', target: 'n3' }, 100);
    expect(world.host('n3').state).toBe('paused');
    world.run({ untilUs: world.nowUs() + msUs(150) });
    expect(world.host('n3').state).toBe('running');
    world.host('n2').kill();
    expect(apply({ kind: 'pause', target: 'n2' }, 100).effective).toBe(false);
  });

  test('clock skew, jump and drift move the host clock; the heal puts it back on true time', () => {
    const { world, apply } = nemesisBench();
    const clock = world.host('n1').clock;
    apply({ kind: 'clock-skew', target: 'n1', offsetMs: 5000 }, 100);
    expect(Math.round(clock.offsetMs())).toBe(5000);
    world.run({ untilUs: world.nowUs() + msUs(150) });
    expect(Math.round(clock.offsetMs())).toBe(0);
    apply({ kind: 'clock-jump', target: 'n1', deltaMs: -3000 }, 100);
    expect(Math.round(clock.offsetMs())).toBe(-3000);
    world.run({ untilUs: world.nowUs() + msUs(150) });
    apply({ kind: 'clock-drift', target: 'n1', driftPpm: 100_000 }, 1000);
    world.run({ untilUs: world.nowUs() + msUs(500) });
    expect(clock.driftPpm).toBe(100_000);
    expect(clock.offsetMs()).toBeGreaterThan(40);
    world.run({ untilUs: world.nowUs() + msUs(600) });
    expect(clock.driftPpm).toBe(0);
    expect(Math.round(clock.offsetMs())).toBe(0);
  });

  test('a disk fault is active on the host during its window only', () => {
    const { world, apply } = nemesisBench();
    apply({ kind: 'disk', target: 'n2', fault: 'fsync-eio' }, 100);
    expect(world.host('n2').disk.isFaultActive('fsyncFails')).toBe(true);
    expect(world.host('n1').disk.isFaultActive('fsyncFails')).toBe(false);
    world.run({ untilUs: world.nowUs() + msUs(150) });
    expect(world.host('n2').disk.isFaultActive('fsyncFails')).toBe(false);
  });

  test('a connection reset breaks every open connection of the host, instantly', () => {
    const { world, apply } = nemesisBench();
    expect(world.network.openConnectionIds('n1').length).toBe(1);
    const record = apply({ kind: 'connection-reset', target: 'n1' }, 100);
    expect(record.endUs).toBe(record.startUs);
    expect(record.details['connections']).toBe(1);
    world.run({ untilUs: world.nowUs() + msUs(10) });
    expect(world.network.openConnectionIds('n1').length).toBe(0);
    expect(world.stats.connectionsReset).toBe(2);
  });

  test('a slow link adds latency to and from the host during its window', () => {
    const { world, apply } = nemesisBench();
    const links = world.network.links;
    const [n1, c1] = [world.hosts.findIndex((host) => host.name === 'n1'), world.hosts.findIndex((host) => host.name === 'c1')];
    expect(links.latencyUs(n1, c1, world.nowUs())).toBe(1000);
    apply({ kind: 'slow-link', target: 'n1', extraLatencyMs: 50 }, 100);
    expect(links.latencyUs(n1, c1, world.nowUs())).toBe(51_000);
    expect(links.latencyUs(c1, n1, world.nowUs())).toBe(51_000);
    world.run({ untilUs: world.nowUs() + msUs(150) });
    expect(links.latencyUs(n1, c1, world.nowUs())).toBe(1000);
  });
});

describe('nemesis: schedule, records, heal all', () => {
  test('a timeline runs at its times, windows are cut at the cutoff, and every fault is recorded start and stop', () => {
    const { world, nemesis, events } = nemesisBench();
    const startUs = world.nowUs();
    nemesis.schedule(
      [
        { atMs: 10, durationMs: 20, fault: { kind: 'pause', target: 'n1' } },
        { atMs: 40, durationMs: 500, fault: { kind: 'kill', target: 'random-node' } },
        { atMs: 900, durationMs: 10, fault: { kind: 'pause', target: 'n2' } },
      ],
      startUs,
      startUs + msUs(100),
    );
    world.run({ untilUs: startUs + msUs(100) });
    nemesis.healAll();
    const faults = nemesis.applied();
    expect(faults.map((fault) => fault.kind)).toEqual(['pause', 'kill']);
    expect(faults[0]).toMatchObject({ startUs: startUs + msUs(10), endUs: startUs + msUs(30) });
    expect(faults[1]?.endUs).toBe(startUs + msUs(100));
    expect(['n1', 'n2', 'n3']).toContain(faults[1]?.target);
    expect(events.map(({ event, fault }) => `${event}:${fault.kind}`)).toEqual(['start:pause', 'stop:pause', 'start:kill', 'stop:kill']);
    expect(nemesis.activeCount).toBe(0);
  });

  test('heal all ends every fault in force and restores the world', () => {
    const { world, nemesis, apply } = nemesisBench();
    apply({ kind: 'kill', target: 'n1' }, 10_000);
    apply({ kind: 'pause', target: 'n2' }, 10_000);
    apply({ kind: 'partition', mode: 'clog', shape: 'isolate', target: 'n3' }, 10_000);
    nemesis.healAll();
    expect(world.host('n1').state).toBe('running');
    expect(world.host('n2').state).toBe('running');
    expect(world.network.blockMode('n3', 'n1')).toBeUndefined();
    expect(nemesis.applied().every((fault) => fault.endUs === world.nowUs())).toBe(true);
  });

  test('a role nobody plays gives a recorded fault without effect', () => {
    const { world, apply } = nemesisBench();
    world.host('n1').kill();
    const record = apply({ kind: 'pause', target: 'master' }, 100);
    expect(record.effective).toBe(false);
    expect(record.endUs).toBe(record.startUs);
  });
});
