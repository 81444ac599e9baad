import { assert } from '../../core/assert.js';
import type { Connection, ConnectionHandlers } from '../../env/network.js';
import { encodeFrame, FrameReader } from './selftest-frames.js';

/** What every callback of the self-test process calls first (liveness and clock checks). */
export type CallbackGuard = () => void;

/** A stream this process sends numbered frames on. */
export class OutgoingStream {
  private nextMessageIndex = 0;
  closed = false;

  constructor(
    readonly connection: Connection,
    readonly nonce: number,
    private readonly senderIndex: number,
  ) {}

  send(): void {
    this.connection.write(encodeFrame({ senderIndex: this.senderIndex, nonce: this.nonce, messageIndex: this.nextMessageIndex++ }));
  }
}

/** Handlers of an outgoing stream: it only sends, so any data back is a bug. */
export function outgoingHandlers(guard: CallbackGuard, stream: () => OutgoingStream, onClosed: () => void, linkBackOpen: () => boolean): ConnectionHandlers {
  return {
    onConnect: () => {
      guard();
      assert(linkBackOpen(), 'no handshake answer crosses a blocked link');
      assert(!stream().closed, 'no callback follows onClose (connect)');
    },
    onData: () => {
      guard();
      assert(false, 'a stream delivers only bytes its peer sent (the server never writes)');
    },
    onClose: () => {
      guard();
      assert(!stream().closed, 'onClose is called exactly once');
      stream().closed = true;
      onClosed();
    },
  };
}

/**
 * Handlers of an accepted stream: frames must come whole, from the host at
 * the other end, on one nonce, numbered 0, 1, 2, ... with no gap, no
 * repeat and no reordering.
 */
export function incomingHandlers(guard: CallbackGuard, remoteHostIndex: number, linkOpen: () => boolean): ConnectionHandlers {
  const reader = new FrameReader();
  let nonce: number | null = null;
  let expectedIndex = 0;
  let closed = false;
  return {
    onData: (data) => {
      guard();
      assert(!closed, 'no callback follows onClose (data)');
      assert(linkOpen(), 'no data crosses a blocked link');
      for (const frame of reader.push(data)) {
        assert(frame.senderIndex === remoteHostIndex, 'a stream carries only its peer\'s bytes');
        if (nonce === null) nonce = frame.nonce;
        assert(frame.nonce === nonce, 'a stream carries one sender stream');
        assert(frame.messageIndex === expectedIndex, `per-connection delivery is in order, without loss or repeat (got ${frame.messageIndex}, expected ${expectedIndex})`);
        expectedIndex++;
      }
    },
    onClose: () => {
      guard();
      assert(!closed, 'onClose is called exactly once');
      closed = true;
    },
  };
}
