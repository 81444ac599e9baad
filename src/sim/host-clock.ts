import { assert } from '../core/assert.js';

/** Drift beyond ±50% is not a clock but a bug in a scenario. */
const DRIFT_PPM_ABS_MAX = 500_000;

/**
 * A host's clocks as functions of true simulated time. Wall time is an
 * anchor plus elapsed true time scaled by the drift rate; skews and jumps
 * move the anchor. The monotonic clock runs at the same rate but never
 * jumps; a drift change re-anchors both so neither is discontinuous.
 * Values are exact doubles; readers take the floor, so reads are integers.
 */
export class HostClock {
  private anchorTrueUs: number;
  private anchorWallUs: number;
  private monotonicAnchorTrueUs: number;
  private monotonicAnchorUs = 0;
  private driftPpmValue: number;

  constructor(
    private readonly trueNowUs: () => number,
    private readonly epochUs: number,
    offsetMs: number,
    driftPpm: number,
  ) {
    assertDrift(driftPpm);
    assert(Number.isFinite(offsetMs), 'a clock offset is finite');
    this.anchorTrueUs = trueNowUs();
    this.anchorWallUs = epochUs + this.anchorTrueUs + offsetMs * 1000;
    this.monotonicAnchorTrueUs = this.anchorTrueUs;
    this.driftPpmValue = driftPpm;
  }

  /** Host seconds per true second. */
  get rate(): number {
    return 1 + this.driftPpmValue / 1_000_000;
  }

  get driftPpm(): number {
    return this.driftPpmValue;
  }

  /** Wall-clock microseconds since the Unix epoch at true time `trueUs`, an integer. */
  wallUsAt(trueUs: number): number {
    return Math.floor(this.exactWallUsAt(trueUs));
  }

  /** The host's monotonic clock (µs since the host booted) at true time `trueUs`, an integer. */
  monotonicUsAt(trueUs: number): number {
    return Math.floor(this.monotonicAnchorUs + (trueUs - this.monotonicAnchorTrueUs) * this.rate);
  }

  /** How far the wall clock is ahead of true time now, in ms (negative if behind). */
  offsetMs(): number {
    const nowUs = this.trueNowUs();
    return (this.exactWallUsAt(nowUs) - this.epochUs - nowUs) / 1000;
  }

  /** Skew: sets the wall clock to true time plus `offsetMs` (a jump if it was elsewhere). */
  setOffsetMs(offsetMs: number): void {
    assert(Number.isFinite(offsetMs), 'a clock offset is finite');
    const nowUs = this.trueNowUs();
    this.anchorTrueUs = nowUs;
    this.anchorWallUs = this.epochUs + nowUs + offsetMs * 1000;
  }

  /** Jumps the wall clock by `deltaMs` (forward if positive, back if negative). */
  jumpMs(deltaMs: number): void {
    assert(Number.isFinite(deltaMs), 'a clock jump is finite');
    const nowUs = this.trueNowUs();
    this.anchorWallUs = this.exactWallUsAt(nowUs) + deltaMs * 1000;
    this.anchorTrueUs = nowUs;
  }

  /** Changes the drift from now on; neither clock jumps. */
  setDriftPpm(driftPpm: number): void {
    assertDrift(driftPpm);
    const nowUs = this.trueNowUs();
    this.anchorWallUs = this.exactWallUsAt(nowUs);
    this.anchorTrueUs = nowUs;
    this.monotonicAnchorUs = this.monotonicAnchorUs + (nowUs - this.monotonicAnchorTrueUs) * this.rate;
    this.monotonicAnchorTrueUs = nowUs;
    this.driftPpmValue = driftPpm;
  }

  /** True µs that pass while this host's clocks advance `hostUs` (at the current rate). */
  trueDelayUs(hostUs: number): number {
    assert(hostUs >= 0, 'a delay is non-negative');
    return Math.ceil(hostUs / this.rate);
  }

  private exactWallUsAt(trueUs: number): number {
    return this.anchorWallUs + (trueUs - this.anchorTrueUs) * this.rate;
  }
}

function assertDrift(driftPpm: number): void {
  assert(Number.isFinite(driftPpm), 'a clock drift is finite');
  assert(Math.abs(driftPpm) <= DRIFT_PPM_ABS_MAX, 'a clock drift is within ±500000 ppm');
}
