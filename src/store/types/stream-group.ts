import { binaryKey } from '../keyspace/object.js';
import type { StreamId } from './stream-id.js';
import { SortedIds } from './stream-sorted-ids.js';

/** streamNACK: a delivered, not yet acknowledged entry. */
export interface PendingEntry {
  /** Last delivery time, ms on the host clock. */
  deliveryTimeMs: number;
  deliveryCount: number;
  consumer: StreamConsumer;
}

/** streamConsumer: a name, when it was last seen, and its own PEL. */
export class StreamConsumer {
  readonly pending = new SortedIds<PendingEntry>();

  constructor(
    readonly name: Buffer,
    public seenTimeMs: number,
  ) {}
}

/** streamCG: last delivered ID, entries read counter (-1 unknown), PEL and consumers. */
export class ConsumerGroup {
  readonly pending = new SortedIds<PendingEntry>();
  private readonly consumersByName = new Map<string, StreamConsumer>();

  constructor(
    readonly name: Buffer,
    public lastId: StreamId,
    /** entries_read; -1 when unknown (SCG_INVALID_ENTRIES_READ). */
    public entriesRead: number,
  ) {}

  consumer(name: Buffer): StreamConsumer | undefined {
    return this.consumersByName.get(binaryKey(name));
  }

  /** streamCreateConsumer: undefined if it already exists. */
  createConsumer(name: Buffer, nowMs: number): StreamConsumer | undefined {
    const key = binaryKey(name);
    if (this.consumersByName.has(key)) return undefined;
    const consumer = new StreamConsumer(Buffer.from(name), nowMs);
    this.consumersByName.set(key, consumer);
    return consumer;
  }

  /** streamDelConsumer: drops its pending entries from the group PEL too; returns how many. */
  deleteConsumer(consumer: StreamConsumer): number {
    const pendingCount = consumer.pending.size;
    for (const [id] of Array.from(consumer.pending)) this.pending.delete(id);
    this.consumersByName.delete(binaryKey(consumer.name));
    return pendingCount;
  }

  consumerCount(): number {
    return this.consumersByName.size;
  }

  /** Consumers in rax order (bytewise by name). */
  consumers(): StreamConsumer[] {
    return Array.from(this.consumersByName.values()).sort((a, b) => Buffer.compare(a.name, b.name));
  }
}
