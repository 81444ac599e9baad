import { fromBinaryKey } from '../keyspace/object.js';
import type { Client } from './client.js';
import { globMatch } from './glob.js';

/**
 * Channel and pattern subscriptions (pubsub.c). Channels and patterns are
 * binary (latin1 map keys). Delivery order: channel subscribers in
 * subscription order, then patterns in the order they were first subscribed
 * (Redis walks its pattern dict in hash order; that order cannot be
 * reproduced and is documented as a deviation).
 */
export class PubSubRegistry {
  private readonly channels = new Map<string, Set<Client>>();
  private readonly patterns = new Map<string, Set<Client>>();
  private readonly shardChannels = new Map<string, Set<Client>>();

  subscribe(client: Client, channel: string): boolean {
    if (client.channels.has(channel)) return false;
    client.channels.add(channel);
    this.add(this.channels, channel, client);
    return true;
  }

  unsubscribe(client: Client, channel: string): boolean {
    if (!client.channels.delete(channel)) return false;
    this.remove(this.channels, channel, client);
    return true;
  }

  psubscribe(client: Client, pattern: string): boolean {
    if (client.patterns.has(pattern)) return false;
    client.patterns.add(pattern);
    this.add(this.patterns, pattern, client);
    return true;
  }

  punsubscribe(client: Client, pattern: string): boolean {
    if (!client.patterns.delete(pattern)) return false;
    this.remove(this.patterns, pattern, client);
    return true;
  }

  ssubscribe(client: Client, channel: string): boolean {
    if (client.shardChannels.has(channel)) return false;
    client.shardChannels.add(channel);
    this.add(this.shardChannels, channel, client);
    return true;
  }

  sunsubscribe(client: Client, channel: string): boolean {
    if (!client.shardChannels.delete(channel)) return false;
    this.remove(this.shardChannels, channel, client);
    return true;
  }

  /** SPUBLISH: shard channel subscribers only (shard pub/sub ignores patterns). */
  spublish(channel: Buffer, message: Buffer): number {
    let receivers = 0;
    for (const client of this.shardChannels.get(channel.toString('latin1')) ?? []) {
      pushBulks(client, [SMESSAGE, channel, message]);
      receivers++;
    }
    return receivers;
  }

  /** Delivers to channel subscribers then matching patterns; returns the receiver count. */
  publish(channel: Buffer, message: Buffer): number {
    const name = channel.toString('latin1');
    let receivers = 0;
    for (const client of this.channels.get(name) ?? []) {
      pushBulks(client, [MESSAGE, channel, message]);
      receivers++;
    }
    for (const [pattern, clients] of this.patterns) {
      const patternBytes = fromBinaryKey(pattern);
      if (!globMatch(patternBytes, channel)) continue;
      for (const client of clients) {
        pushBulks(client, [PMESSAGE, patternBytes, channel, message]);
        receivers++;
      }
    }
    return receivers;
  }

  /** Active channels (with at least one subscriber), optionally filtered by a glob. */
  activeChannels(pattern: Buffer | undefined, shard = false): Buffer[] {
    const found: Buffer[] = [];
    for (const name of (shard ? this.shardChannels : this.channels).keys()) {
      const channel = fromBinaryKey(name);
      if (pattern === undefined || globMatch(pattern, channel)) found.push(channel);
    }
    return found;
  }

  subscriberCount(channel: string, shard = false): number {
    return (shard ? this.shardChannels : this.channels).get(channel)?.size ?? 0;
  }

  shardChannelCount(): number {
    return this.shardChannels.size;
  }

  /** PUBSUB NUMPAT: distinct patterns with subscribers. */
  patternCount(): number {
    return this.patterns.size;
  }

  channelCount(): number {
    return this.channels.size;
  }

  private add(map: Map<string, Set<Client>>, name: string, client: Client): void {
    let clients = map.get(name);
    if (clients === undefined) {
      clients = new Set();
      map.set(name, clients);
    }
    clients.add(client);
  }

  private remove(map: Map<string, Set<Client>>, name: string, client: Client): void {
    const clients = map.get(name);
    if (clients === undefined) return;
    clients.delete(client);
    if (clients.size === 0) map.delete(name);
  }
}

const MESSAGE = Buffer.from('message');
const PMESSAGE = Buffer.from('pmessage');
const SMESSAGE = Buffer.from('smessage');

/** A pub/sub message: a push in RESP3, an array in RESP2 (addReplyPubsubMessage). */
function pushBulks(client: Client, items: readonly Buffer[]): void {
  writePush(client, () => {
    client.reply.pushHeader(items.length);
    for (const item of items) client.reply.bulk(item);
  });
}

/**
 * CLIENT_PUSHING: pub/sub messages and (un)subscribe notifications reach the
 * client even under CLIENT REPLY OFF / SKIP (prepareClientToWrite lets them
 * through), in RESP2 as in RESP3. A master link or the AOF loader stays muted.
 */
export function writePush(client: Client, write: () => void): void {
  const mutedBefore = client.reply.muted;
  if (client.kind !== 'master' && client.kind !== 'loader') client.reply.muted = false;
  try {
    write();
  } finally {
    client.reply.muted = mutedBefore;
  }
}
