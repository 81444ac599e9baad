/**
 * A host's view of time. In the simulator it is true simulated time plus the
 * host's offset and drift; in real mode it is the wall clock. Redis reads
 * `mstime()`/`ustime()` for expiry and `getMonotonicUs()` for timeouts; the
 * same split is kept here.
 */
export interface Clock {
  /** Wall-clock milliseconds since the Unix epoch, an integer (may be skewed). */
  nowMs(): number;
  /** Wall-clock microseconds since the Unix epoch, an integer (may be skewed). */
  nowUs(): number;
  /** Monotonic microseconds since the process started; never jumps. */
  monotonicUs(): number;
}
