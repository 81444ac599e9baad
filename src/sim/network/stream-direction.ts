import type { Endpoint } from './endpoint.js';

/**
 * What travels on one direction of a connection: bytes, the handshake's
 * answer, an orderly close, or a reset. Control segments travel in order
 * with the data, so a peer sees all bytes sent before a close or a crash.
 */
export type SegmentKind = 'data' | 'synack' | 'fin' | 'rst';

export interface Segment {
  readonly kind: SegmentKind;
  readonly data: Uint8Array | null;
  /** When it reaches the receiver if nothing holds it (µs of true time). */
  readonly dueUs: number;
}

/**
 * One direction of a connection: a FIFO of segments in flight or held by a
 * clogged link. One delivery event at a time pumps its head, which is what
 * keeps delivery in order whatever the latency draws or partitions do.
 */
export class StreamDirection {
  /** The endpoint that receives; null until the server side exists. */
  receiver: Endpoint | null = null;
  queuedBytes = 0;
  /** Due time of the last segment queued: later segments are never due earlier. */
  lastDueUs = 0;
  /** A delivery event for this direction is scheduled. */
  pumpPending = false;
  /** A clogged link holds this direction until the heal. */
  stalled = false;
  /** The receiver paused reading with data waiting. */
  waitingForReader = false;
  private segments: Segment[] = [];
  private head = 0;

  constructor(
    readonly fromHost: number,
    readonly toHost: number,
  ) {}

  get isEmpty(): boolean {
    return this.head === this.segments.length;
  }

  get segmentCount(): number {
    return this.segments.length - this.head;
  }

  peek(): Segment | undefined {
    return this.segments[this.head];
  }

  push(segment: Segment): void {
    this.segments.push(segment);
    if (segment.data !== null) this.queuedBytes += segment.data.length;
  }

  shift(): Segment | undefined {
    const segment = this.segments[this.head];
    if (segment === undefined) return undefined;
    this.head++;
    if (this.head === this.segments.length) {
      this.segments = [];
      this.head = 0;
    }
    if (segment.data !== null) this.queuedBytes -= segment.data.length;
    return segment;
  }

  /** Discards everything queued; returns how many data segments were lost. */
  clear(): number {
    let dataSegments = 0;
    for (let index = this.head; index < this.segments.length; index++) {
      if ((this.segments[index] as Segment).kind === 'data') dataSegments++;
    }
    this.segments = [];
    this.head = 0;
    this.queuedBytes = 0;
    this.waitingForReader = false;
    return dataSegments;
  }
}
