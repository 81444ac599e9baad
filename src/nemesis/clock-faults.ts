import type { SimHost } from '../sim/sim-host.js';
import type { FaultContext, FaultEffect } from './fault-effect.js';

/** Puts the host's clock back on true time (NTP steps it), unless another clock fault still holds it. */
function restoreClock(host: SimHost, context: FaultContext): void {
  if (context.otherActiveOn('clock', host.name)) return;
  host.clock.setDriftPpm(0);
  host.clock.setOffsetMs(0);
}

function clockEffect(host: SimHost, context: FaultContext, details: Record<string, number>): FaultEffect {
  return { target: host.name, effective: true, details: { ...details, offsetMsAfter: Math.round(host.clock.offsetMs()) }, instant: false, heal: () => restoreClock(host, context) };
}

/** The wall clock runs `offsetMs` away from true time (expiry uses it, as in Redis). */
export function applyClockSkew(host: SimHost, offsetMs: number, context: FaultContext): FaultEffect {
  host.clock.setOffsetMs(offsetMs);
  return clockEffect(host, context, { offsetMs });
}

/** The wall clock jumps by `deltaMs` (back if negative). */
export function applyClockJump(host: SimHost, deltaMs: number, context: FaultContext): FaultEffect {
  host.clock.jumpMs(deltaMs);
  return clockEffect(host, context, { deltaMs });
}

/** The clocks run fast (positive) or slow by `driftPpm`; timers fire early or late in true time. */
export function applyClockDrift(host: SimHost, driftPpm: number, context: FaultContext): FaultEffect {
  host.clock.setDriftPpm(driftPpm);
  return clockEffect(host, context, { driftPpm });
}
