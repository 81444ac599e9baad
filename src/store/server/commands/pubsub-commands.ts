import type { CommandContext } from '../../commands/command.js';
import type { Client } from '../client.js';
import { serverContext } from '../execution-context.js';
import type { StoreNode } from '../node.js';
import { PROPAGATE_REPLICATION_ONLY } from '../propagation.js';
import { writePush } from '../pubsub-registry.js';
import { argIs, replyHelp, replySubcommandSyntaxError } from './spec.js';

function subscriptionCount(client: Client): number {
  return client.channels.size + client.patterns.size;
}

function confirm(client: Client, kind: string, name: Buffer | null): void {
  writePush(client, () => {
    client.reply.pushHeader(3);
    client.reply.bulk(kind);
    client.reply.bulk(name);
    client.reply.integer(subscriptionCount(client));
  });
}

/** Inside EXEC (CLIENT_DENY_BLOCKING) only the classic subscriptions are allowed, for compatibility. */
function deniedWhileBlockingDenied(ctx: CommandContext, name: string, allowedInMulti: boolean): boolean {
  if (!serverContext(ctx).executingTransaction || allowedInMulti) return false;
  ctx.reply.error(`ERR ${name} isn't allowed for a DENY BLOCKING client`);
  return true;
}

export function ssubscribe(ctx: CommandContext): void {
  if (deniedWhileBlockingDenied(ctx, 'SSUBSCRIBE', false)) return;
  const { node, clientState } = serverContext(ctx);
  for (const channel of ctx.argv.slice(1)) {
    node.pubsub.ssubscribe(clientState, channel.toString('latin1'));
    writePush(clientState, () => {
      clientState.reply.pushHeader(3);
      clientState.reply.bulk('ssubscribe');
      clientState.reply.bulk(channel);
      clientState.reply.integer(clientState.shardChannels.size);
    });
  }
}

function confirmShardUnsubscribe(client: Client, channel: Buffer | null): void {
  writePush(client, () => {
    client.reply.pushHeader(3);
    client.reply.bulk('sunsubscribe');
    client.reply.bulk(channel);
    client.reply.integer(client.shardChannels.size);
  });
}

export function sunsubscribe(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  if (ctx.argv.length === 1) {
    unsubscribeShardChannels(node, clientState, true);
    return;
  }
  for (const channel of ctx.argv.slice(1)) {
    node.pubsub.sunsubscribe(clientState, channel.toString('latin1'));
    confirmShardUnsubscribe(clientState, channel);
  }
}

function unsubscribeShardChannels(node: StoreNode, client: Client, notify: boolean): void {
  const channels = Array.from(client.shardChannels);
  for (const channel of channels) {
    node.pubsub.sunsubscribe(client, channel);
    if (notify) confirmShardUnsubscribe(client, Buffer.from(channel, 'latin1'));
  }
  if (notify && channels.length === 0) confirmShardUnsubscribe(client, null);
}

export function spublish(ctx: CommandContext): void {
  const { node } = serverContext(ctx);
  const receivers = node.pubsub.spublish(ctx.argv[1] as Buffer, ctx.argv[2] as Buffer);
  if (!node.config.flag('cluster-enabled')) serverContext(ctx).forcedPropagation = PROPAGATE_REPLICATION_ONLY;
  ctx.reply.integer(receivers);
}

export function subscribe(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  for (const channel of ctx.argv.slice(1)) {
    node.pubsub.subscribe(clientState, channel.toString('latin1'));
    confirm(clientState, 'subscribe', channel);
  }
}

export function psubscribe(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  for (const pattern of ctx.argv.slice(1)) {
    node.pubsub.psubscribe(clientState, pattern.toString('latin1'));
    confirm(clientState, 'psubscribe', pattern);
  }
}

export function unsubscribe(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  if (ctx.argv.length === 1) {
    unsubscribeChannels(node, clientState, true);
    return;
  }
  for (const channel of ctx.argv.slice(1)) {
    node.pubsub.unsubscribe(clientState, channel.toString('latin1'));
    confirm(clientState, 'unsubscribe', channel);
  }
}

export function punsubscribe(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  if (ctx.argv.length === 1) {
    unsubscribePatterns(node, clientState, true);
    return;
  }
  for (const pattern of ctx.argv.slice(1)) {
    node.pubsub.punsubscribe(clientState, pattern.toString('latin1'));
    confirm(clientState, 'punsubscribe', pattern);
  }
}

/** pubsubUnsubscribeAllChannels: one confirmation per channel, or one with a null name if there were none. */
function unsubscribeChannels(node: StoreNode, client: Client, notify: boolean): void {
  const channels = Array.from(client.channels);
  for (const channel of channels) {
    node.pubsub.unsubscribe(client, channel);
    if (notify) confirm(client, 'unsubscribe', Buffer.from(channel, 'latin1'));
  }
  if (notify && channels.length === 0) confirm(client, 'unsubscribe', null);
}

function unsubscribePatterns(node: StoreNode, client: Client, notify: boolean): void {
  const patterns = Array.from(client.patterns);
  for (const pattern of patterns) {
    node.pubsub.punsubscribe(client, pattern);
    if (notify) confirm(client, 'punsubscribe', Buffer.from(pattern, 'latin1'));
  }
  if (notify && patterns.length === 0) confirm(client, 'punsubscribe', null);
}

/** Drops every subscription (RESET, disconnect); `notify` sends the confirmations. */
export function unsubscribeAll(node: StoreNode, client: Client, notify: boolean): void {
  unsubscribeChannels(node, client, notify);
  unsubscribeShardChannels(node, client, notify);
  unsubscribePatterns(node, client, notify);
}

export function publish(ctx: CommandContext): void {
  const { node } = serverContext(ctx);
  const receivers = node.pubsub.publish(ctx.argv[1] as Buffer, ctx.argv[2] as Buffer);
  if (!node.config.flag('cluster-enabled')) serverContext(ctx).forcedPropagation = PROPAGATE_REPLICATION_ONLY;
  ctx.reply.integer(receivers);
}

export function pubsubChannels(ctx: CommandContext): void {
  if (ctx.argv.length > 3) {
    replySubcommandSyntaxError(ctx);
    return;
  }
  const { node } = serverContext(ctx);
  ctx.reply.bulkArray(node.pubsub.activeChannels(ctx.argv[2]));
}

function numsub(ctx: CommandContext, shard: boolean): void {
  const { node } = serverContext(ctx);
  const channels = ctx.argv.slice(2);
  ctx.reply.arrayHeader(channels.length * 2);
  for (const channel of channels) {
    ctx.reply.bulk(channel);
    ctx.reply.integer(node.pubsub.subscriberCount(channel.toString('latin1'), shard));
  }
}

export function pubsubNumsub(ctx: CommandContext): void {
  numsub(ctx, false);
}

export function pubsubShardNumsub(ctx: CommandContext): void {
  numsub(ctx, true);
}

export function pubsubShardChannels(ctx: CommandContext): void {
  if (ctx.argv.length > 3) {
    replySubcommandSyntaxError(ctx);
    return;
  }
  ctx.reply.bulkArray(serverContext(ctx).node.pubsub.activeChannels(ctx.argv[2], true));
}

export function pubsubNumpat(ctx: CommandContext): void {
  ctx.reply.integer(serverContext(ctx).node.pubsub.patternCount());
}

export function pubsubHelp(ctx: CommandContext): void {
  if (!argIs(ctx, 1, 'help')) return;
  replyHelp(ctx, 'PUBSUB', [
    'CHANNELS [<pattern>]',
    "    Return the currently active channels matching a <pattern> (default: '*').",
    'NUMPAT',
    '    Return number of subscriptions to patterns.',
    'NUMSUB [<channel> ...]',
    '    Return the number of subscribers for the specified channels, excluding',
    '    pattern subscriptions(default: no channels).',
    'SHARDCHANNELS [<pattern>]',
    "    Return the currently active shard level channels matching a <pattern> (default: '*').",
    'SHARDNUMSUB [<shardchannel> ...]',
    '    Return the number of subscribers for the specified shard level channel(s)',
  ]);
}
