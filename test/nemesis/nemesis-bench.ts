import { Prng } from '../../src/core/prng.js';
import type { Env } from '../../src/env/env.js';
import type { AppliedFault } from '../../src/nemesis/applied-fault.js';
import type { FaultSpec } from '../../src/nemesis/fault-spec.js';
import { Nemesis, type NemesisEvent } from '../../src/nemesis/nemesis.js';
import { World } from '../../src/sim/world.js';

export const msUs = (ms: number): number => ms * 1000;

/** A store-like process: listens on 6379, keeps its connections open, writes `data` (not fsynced) at start. */
export function listeningMain(env: Env): void {
  env.net.listen(6379, () => ({ onData: () => undefined, onClose: () => undefined }));
  const file = env.fs.open('data', { create: true, truncate: false });
  if (!(file instanceof Error)) file.append(new TextEncoder().encode(`incarnation of ${env.hostName}\n`));
}

export interface NemesisBench {
  readonly world: World;
  readonly nemesis: Nemesis;
  readonly events: { readonly event: NemesisEvent; readonly fault: AppliedFault }[];
  /** Applies `fault` now for `durationMs` and returns its record. */
  apply(fault: FaultSpec, durationMs: number): AppliedFault;
}

/** Hosts n1..nN (running `listeningMain`) and c1 (a client connected to each), with n1 as `master`. */
export function nemesisBench(seed = 1, storeHostCount = 3): NemesisBench {
  const STORE_HOSTS = Array.from({ length: storeHostCount }, (_, index) => `n${index + 1}`);
  const world = new World({ seed, network: { latency: { kind: 'constant', ms: 1 } } });
  for (const name of STORE_HOSTS) world.addHost({ name }).start(listeningMain);
  world.addHost({ name: 'c1' }).start((env) => {
    for (const host of STORE_HOSTS) env.net.connect({ host, port: 6379 }, { onData: () => undefined, onClose: () => undefined });
  });
  world.run({ untilUs: msUs(10) });
  const events: { event: NemesisEvent; fault: AppliedFault }[] = [];
  const nemesisWorld = { world, storeHosts: () => STORE_HOSTS, hostsWithRole: (role: string) => (role === 'master' && world.host('n1').isUp ? ['n1'] : []) };
  const nemesis = new Nemesis({ nemesisWorld, prng: Prng.root(seed).fork('nemesis'), listener: (event, fault) => events.push({ event, fault }) });
  return {
    world,
    nemesis,
    events,
    apply: (fault, durationMs) => nemesis.start({ atMs: 0, durationMs, fault }, world.nowUs() + msUs(durationMs)),
  };
}
