import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EnvError } from '../../../src/core/errors.js';
import type { Env } from '../../../src/env/env.js';
import type { CloseReason, Connection } from '../../../src/env/network.js';
import type { PartitionShape } from '../../../src/sim/network/partition-shape.js';
import { World } from '../../../src/sim/world.js';
import { bytesOf, type ConnectionLog, listeningMain, loggingHandlers, msUs, newConnectionLog, worldWithHosts } from '../helpers.js';

/** Starts a client on `from` that connects to `to:port` at once and writes `messages` when connected. */
function clientMain(to: string, port: number, log: ConnectionLog, messages: readonly string[] = []): (env: Env) => void {
  return (env) => {
    const handlers = loggingHandlers(log);
    log.connection = env.net.connect({ host: to, port }, {
      ...handlers,
      onConnect: () => {
        handlers.onConnect?.();
        for (const message of messages) log.connection?.write(bytesOf(message));
      },
    });
  };
}

function closeReasonWhenConnecting(setup: (world: World) => void): { reason: CloseReason[]; atUs: number } {
  const world = worldWithHosts(2, { network: { latency: { kind: 'constant', ms: 1 }, connectTimeoutMs: 300 } });
  setup(world);
  const log = newConnectionLog();
  let atUs = -1;
  world.host('n1').start((env) => {
    env.net.connect({ host: 'n2', port: 7000 }, { ...loggingHandlers(log), onClose: (reason) => (log.closes.push(reason), (atUs = world.nowUs())) });
  });
  world.run({ untilUs: msUs(1000) });
  return { reason: log.closes, atUs };
}

describe('SimNetwork: connecting', () => {
  it('refuses a connection to a closed port, a dead host or an unknown host', () => {
    expect(closeReasonWhenConnecting((world) => world.host('n2').start(() => undefined))).toEqual({ reason: ['refused'], atUs: msUs(2) });
    expect(closeReasonWhenConnecting(() => undefined).reason).toEqual(['refused']);
    const world = worldWithHosts(1);
    const log = newConnectionLog();
    world.host('n1').start((env) => void env.net.connect({ host: 'nowhere', port: 1 }, loggingHandlers(log)));
    world.run();
    expect(log.closes).toEqual(['refused']);
  });

  it('times out a connection to a partitioned host', () => {
    const outcome = closeReasonWhenConnecting((world) => {
      world.host('n2').start(listeningMain(7000, []));
      world.network.partition({ kind: 'isolate', host: 'n2' }, 'clog');
    });
    expect(outcome).toEqual({ reason: ['timeout'], atUs: msUs(300) });
  });

  it('refuses a second listener on a port, and refuses connections after the listener closed', () => {
    const world = worldWithHosts(2);
    const client = newConnectionLog();
    world.host('n2').start((env) => {
      const first = env.net.listen(7000, () => loggingHandlers(newConnectionLog()));
      const second = env.net.listen(7000, () => loggingHandlers(newConnectionLog()));
      expect(second instanceof EnvError ? second.code : 'listening').toBe('EADDRINUSE');
      if (!(first instanceof EnvError)) first.close();
    });
    world.run({ untilUs: msUs(1) });
    world.host('n1').start(clientMain('n2', 7000, client));
    world.run({ untilUs: msUs(100) });
    expect(client.closes).toEqual(['refused']);
  });
});

describe('SimNetwork: streams', () => {
  it('delivers every write in order on a connection whatever the latency draws', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 40 }), (seed, gapsUs) => {
        const world = new World({ seed, network: { latency: { kind: 'exponential', meanMs: 5, jitterMs: 3 } } });
        world.addHost({ name: 'n1' });
        world.addHost({ name: 'n2' });
        const accepted: ConnectionLog[] = [];
        world.host('n2').start(listeningMain(7000, accepted));
        world.host('n1').start((env) => {
          const connection = env.net.connect({ host: 'n2', port: 7000 }, loggingHandlers(newConnectionLog()));
          let delayMs = 0;
          gapsUs.forEach((gapUs, index) => {
            delayMs += gapUs / 1000;
            env.timers.after(delayMs, () => connection.write(bytesOf(`<${index}>`)));
          });
        });
        world.run();
        expect(accepted[0]?.received).toBe(gapsUs.map((_, index) => `<${index}>`).join(''));
      }),
      { numRuns: 60 },
    );
  });

  it('closes in order: the peer gets the data written before close, then onClose(closed); no callback follows', () => {
    const world = worldWithHosts(2);
    const accepted: ConnectionLog[] = [];
    const client = newConnectionLog();
    world.host('n2').start(listeningMain(7000, accepted));
    world.host('n1').start((env) => {
      const connection = env.net.connect({ host: 'n2', port: 7000 }, { ...loggingHandlers(client), onConnect: () => {
        connection.write(bytesOf('last words'));
        connection.close();
        connection.write(bytesOf('ignored'));
      } });
    });
    world.run();
    expect(accepted[0]?.received).toBe('last words');
    expect(accepted[0]?.closes).toEqual(['closed']);
    expect(client.closes).toEqual(['closed']);
    expect(client.callbacksAfterClose + (accepted[0]?.callbacksAfterClose ?? 0)).toBe(0);
  });

  it('holds data for a reader that paused reading, and delivers it in order when it resumes', () => {
    const world = worldWithHosts(2);
    const accepted: ConnectionLog[] = [];
    world.host('n2').start(listeningMain(7000, accepted));
    world.host('n1').start(clientMain('n2', 7000, newConnectionLog(), ['a', 'b']));
    world.run({ untilUs: msUs(2) });
    accepted[0]?.connection?.pauseReading?.(true);
    world.run({ untilUs: msUs(50) });
    expect(accepted[0]?.received).toBe('');
    accepted[0]?.connection?.pauseReading?.(false);
    world.run({ untilUs: msUs(100) });
    expect(accepted[0]?.received).toBe('ab');
  });

  it('adds slow-link latency for its interval and honours per-link latency overrides', () => {
    const arrivalUs = (configure: (world: World) => void): number => {
      const world = worldWithHosts(2);
      configure(world);
      let arrived = -1;
      world.host('n2').start((env) => void env.net.listen(7000, () => ({ onData: () => (arrived = world.nowUs()), onClose: () => undefined })));
      world.host('n1').start(clientMain('n2', 7000, newConnectionLog(), ['x']));
      world.run();
      return arrived;
    };
    expect(arrivalUs(() => undefined)).toBe(msUs(3));
    expect(arrivalUs((world) => world.network.slowLink('n1', 'n2', 10, 1000))).toBe(msUs(23));
    expect(arrivalUs((world) => world.network.setLinkLatency('n2', 'n1', { kind: 'constant', ms: 4 }))).toBe(msUs(6));
  });
});

/** A mesh: every host listens and holds one connection to every other, set up before the test's faults. */
function meshWorld(count: number, seed: number): { world: World; received: Map<string, string>; connections: Map<string, Connection>; closes: Map<string, CloseReason[]> } {
  const world = new World({ seed, network: { latency: { kind: 'uniform', minMs: 0.5, maxMs: 3 }, dropResetTimeoutMs: 100 } });
  const received = new Map<string, string>();
  const connections = new Map<string, Connection>();
  const closes = new Map<string, CloseReason[]>();
  const names = Array.from({ length: count }, (_, index) => `n${index + 1}`);
  for (const name of names) world.addHost({ name });
  for (const name of names) {
    world.host(name).start((env) => {
      void env.net.listen(7000, (connection) => {
        const from = connection.remoteAddress.split(':')[0] ?? '?';
        const key = `${from}>${name}`;
        return { onData: (data) => received.set(key, (received.get(key) ?? '') + new TextDecoder().decode(data)), onClose: (reason) => closes.set(`${key}@server`, [...(closes.get(`${key}@server`) ?? []), reason]) };
      });
      for (const peer of names) {
        if (peer === name) continue;
        const key = `${name}>${peer}`;
        connections.set(key, env.net.connect({ host: peer, port: 7000 }, { onData: () => undefined, onClose: (reason) => closes.set(`${key}@client`, [...(closes.get(`${key}@client`) ?? []), reason]) }));
      }
    });
  }
  world.run({ untilUs: msUs(20) });
  return { world, received, connections, closes };
}

const shapes: fc.Arbitrary<PartitionShape> = fc.oneof(
  fc.constantFrom<PartitionShape>({ kind: 'halves' }, { kind: 'bridge' }, { kind: 'ring' }),
  fc.integer({ min: 1, max: 5 }).map((host): PartitionShape => ({ kind: 'isolate', host: `n${host}` })),
  fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })).map(([from, to]): PartitionShape => ({ kind: 'oneWay', from: [`n${from}`], to: [`n${to}`] })),
);

describe('SimNetwork: partitions and faults', () => {
  it('a clog partition blocks exactly the links of its shape, and the heal delivers the held traffic in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), shapes, (seed, shape) => {
        const { world, received, connections } = meshWorld(5, seed);
        const applied = world.network.partition(shape, 'clog');
        const blocked = new Set(applied.links.map(([from, to]) => `${from}>${to}`));
        for (const [key, connection] of connections) for (const index of [0, 1, 2]) connection.write(bytesOf(`${key}#${index};`));
        world.run({ untilUs: world.nowUs() + msUs(100) });
        for (const key of connections.keys()) {
          // The data flows one way; the handshake answered before the partition.
          expect(received.get(key) ?? '').toBe(blocked.has(key) ? '' : `${key}#0;${key}#1;${key}#2;`);
        }
        world.network.heal();
        world.run({ untilUs: world.nowUs() + msUs(100) });
        for (const key of connections.keys()) expect(received.get(key)).toBe(`${key}#0;${key}#1;${key}#2;`);
      }),
      { numRuns: 40 },
    );
  });

  it('a drop partition loses the data that meets it and resets both ends after the timeout', () => {
    const { world, received, connections, closes } = meshWorld(2, 1);
    world.network.partition({ kind: 'isolate', host: 'n2' }, 'drop');
    connections.get('n1>n2')?.write(bytesOf('lost'));
    world.run({ untilUs: world.nowUs() + msUs(50) });
    expect(closes.get('n1>n2@client')).toBeUndefined();
    world.network.heal();
    world.run({ untilUs: world.nowUs() + msUs(200) });
    expect(received.get('n1>n2')).toBeUndefined();
    expect(closes.get('n1>n2@client')).toEqual(['reset']);
    expect(closes.get('n1>n2@server')).toEqual(['reset']);
    expect(closes.get('n2>n1@client')).toBeUndefined();
  });

  it('resets one connection or all of a host\'s: both ends see onClose(reset)', () => {
    const { world, connections, closes } = meshWorld(3, 1);
    expect(world.network.resetConnection(connections.get('n1>n2')?.connectionId ?? -1)).toBe(true);
    world.run({ untilUs: world.nowUs() + msUs(10) });
    expect(closes.get('n1>n2@client')).toEqual(['reset']);
    expect(closes.get('n1>n2@server')).toEqual(['reset']);
    expect(closes.get('n2>n3@client')).toBeUndefined();
    expect(world.network.resetHostConnections('n3')).toBe(4);
    world.run({ untilUs: world.nowUs() + msUs(10) });
    expect(closes.get('n3>n1@server')).toEqual(['reset']);
    expect(closes.get('n2>n3@client')).toEqual(['reset']);
    expect(world.network.resetConnection(999_999)).toBe(false);
  });

  it('a killed process\'s peers get the bytes it sent, then a reset', () => {
    const { world, received, connections, closes } = meshWorld(3, 1);
    connections.get('n1>n2')?.write(bytesOf('sent before death'));
    world.host('n1').kill();
    world.run({ untilUs: world.nowUs() + msUs(20) });
    expect(received.get('n1>n2')).toBe('sent before death');
    expect(closes.get('n1>n2@server')).toEqual(['reset']);
    expect(closes.get('n2>n1@client')).toEqual(['reset']);
    expect(closes.get('n1>n2@client')).toBeUndefined();
  });

  it('an exited process\'s peers get the bytes it sent, then an orderly close', () => {
    const world = worldWithHosts(2);
    const accepted: ConnectionLog[] = [];
    world.host('n2').start(listeningMain(7000, accepted));
    world.host('n1').start((env) => {
      const connection = env.net.connect({ host: 'n2', port: 7000 }, { onData: () => undefined, onClose: () => undefined, onConnect: () => {
        connection.write(bytesOf('goodbye'));
        env.exit(0);
      } });
    });
    world.run();
    expect(accepted[0]?.received).toBe('goodbye');
    expect(accepted[0]?.closes).toEqual(['closed']);
  });

  it('keeps a paused host\'s connections open and delivers to it in order after resume', () => {
    const { world, received, connections, closes } = meshWorld(2, 1);
    world.host('n2').pause();
    connections.get('n1>n2')?.write(bytesOf('one,'));
    connections.get('n1>n2')?.write(bytesOf('two'));
    world.run({ untilUs: world.nowUs() + msUs(500) });
    expect(received.get('n1>n2')).toBeUndefined();
    world.host('n2').resume();
    world.run({ untilUs: world.nowUs() + msUs(10) });
    expect(received.get('n1>n2')).toBe('one,two');
    expect(closes.size).toBe(0);
  });

  it('never calls back a dead incarnation, whatever the kill and restart times', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }), (seed, killGapsMs) => {
        const world = new World({ seed, network: { latency: { kind: 'uniform', minMs: 0.5, maxMs: 5 } } });
        world.addHost({ name: 'sender' });
        const receiver = world.addHost({ name: 'receiver' });
        let wrongCallbacks = 0;
        const receiverMain = (env: Env): void => {
          const incarnation = receiver.incarnation;
          const check = (): void => void (receiver.process.isCurrent(incarnation) || wrongCallbacks++);
          void env.net.listen(7000, () => ({ onData: check, onClose: check }));
          env.timers.after(3, check);
        };
        receiver.start(receiverMain);
        world.host('sender').start((env) => {
          const connectAndWrite = (): void => {
            const connection = env.net.connect({ host: 'receiver', port: 7000 }, { onData: () => undefined, onClose: () => env.timers.after(1, connectAndWrite) });
            for (let index = 0; index < 5; index++) env.timers.after(index, () => connection.write(bytesOf('x')));
          };
          connectAndWrite();
        });
        let atMs = 0;
        for (const gapMs of killGapsMs) {
          atMs += gapMs;
          world.at(msUs(atMs), 'test.restart', 0, () => receiver.restart());
        }
        world.run({ untilUs: msUs(atMs + 50) });
        expect(wrongCallbacks).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
