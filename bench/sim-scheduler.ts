/**
 * Bench: bare scheduler events per second (no hosts, no I/O). Each of
 * `chains` concurrent chains schedules its next event 1..16 µs later, so the
 * heap holds `chains` events; every event is traced and hashed as in a run.
 * Run: `node dist/bench/sim-scheduler.js`.
 */
import { pathToFileURL } from 'node:url';
import { eventKind } from '../src/sim/event-kind.js';
import { Scheduler } from '../src/sim/scheduler.js';
import { WORLD_HOST_INDEX } from '../src/sim/sim-event.js';
import { Trace } from '../src/sim/trace.js';

export interface SchedulerBenchFigures {
  readonly chains: number;
  readonly events: number;
  readonly wallMs: number;
  readonly eventsPerSecond: number;
  readonly traceHash: string;
}

const benchKind = eventKind('bench.tick');

function wallMsNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs `events` bare events over `chains` concurrent chains. */
export function measureScheduler(chains: number, events: number): SchedulerBenchFigures {
  const scheduler = new Scheduler(new Trace([], 10_000));
  let state = 0x12345678;
  const tick = (chain: number): void => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    scheduler.schedule(scheduler.nowUs() + 1 + (state >>> 28), benchKind, WORLD_HOST_INDEX, chain, tick, chain);
  };
  for (let chain = 0; chain < chains; chain++) scheduler.schedule(chain % 16, benchKind, WORLD_HOST_INDEX, chain, tick, chain);
  const startMs = wallMsNow();
  const outcome = scheduler.run({ eventsMax: events });
  const wallMs = wallMsNow() - startMs;
  return { chains, events: outcome.eventsExecuted, wallMs, eventsPerSecond: outcome.eventsExecuted / (wallMs / 1000), traceHash: scheduler.trace.hash() };
}

export function main(): SchedulerBenchFigures[] {
  measureScheduler(100, 200_000); // warm-up
  const figures = [1, 100, 10_000].map((chains) => measureScheduler(chains, 2_000_000));
  for (const figure of figures) {
    process.stdout.write(`sim-scheduler: chains=${figure.chains} events=${figure.events} wall=${figure.wallMs.toFixed(1)}ms ` + `rate=${(figure.eventsPerSecond / 1e6).toFixed(2)}M events/s hash=${figure.traceHash}\n`);
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
