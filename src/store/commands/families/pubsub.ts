import type { CommandSpec } from '../command.js';
import {
  psubscribe,
  publish,
  pubsubChannels,
  pubsubHelp,
  pubsubNumpat,
  pubsubNumsub,
  pubsubShardChannels,
  pubsubShardNumsub,
  punsubscribe,
  spublish,
  ssubscribe,
  subscribe,
  sunsubscribe,
  unsubscribe,
} from '../../server/commands/pubsub-commands.js';
import { container, keyless } from '../../server/commands/spec.js';

export const pubsubCommands: readonly CommandSpec[] = [
  keyless('subscribe', -2, ['pubsub', 'noscript', 'loading', 'stale'], ['pubsub', 'slow'], subscribe),
  keyless('unsubscribe', -1, ['pubsub', 'noscript', 'loading', 'stale'], ['pubsub', 'slow'], unsubscribe),
  keyless('psubscribe', -2, ['pubsub', 'noscript', 'loading', 'stale'], ['pubsub', 'slow'], psubscribe),
  keyless('punsubscribe', -1, ['pubsub', 'noscript', 'loading', 'stale'], ['pubsub', 'slow'], punsubscribe),
  keyless('publish', 3, ['pubsub', 'loading', 'stale', 'fast', 'may_replicate'], ['pubsub', 'fast'], publish),
  { ...keyless('ssubscribe', -2, ['pubsub', 'noscript', 'loading', 'stale'], ['pubsub', 'slow'], ssubscribe), firstKey: 1, lastKey: -1, keyStep: 1 },
  { ...keyless('sunsubscribe', -1, ['pubsub', 'noscript', 'loading', 'stale'], ['pubsub', 'slow'], sunsubscribe), firstKey: 1, lastKey: -1, keyStep: 1 },
  { ...keyless('spublish', 3, ['pubsub', 'loading', 'stale', 'fast', 'may_replicate'], ['pubsub', 'fast'], spublish), firstKey: 1, lastKey: 1, keyStep: 1 },
  container('pubsub', [
    keyless('pubsub|channels', -2, ['pubsub', 'loading', 'stale'], ['pubsub', 'slow'], pubsubChannels),
    keyless('pubsub|numsub', -2, ['pubsub', 'loading', 'stale'], ['pubsub', 'slow'], pubsubNumsub),
    keyless('pubsub|numpat', 2, ['pubsub', 'loading', 'stale'], ['pubsub', 'slow'], pubsubNumpat),
    keyless('pubsub|shardchannels', -2, ['pubsub', 'loading', 'stale'], ['pubsub', 'slow'], pubsubShardChannels),
    keyless('pubsub|shardnumsub', -2, ['pubsub', 'loading', 'stale'], ['pubsub', 'slow'], pubsubShardNumsub),
    keyless('pubsub|help', 2, ['loading', 'stale'], ['slow'], pubsubHelp),
  ]),
];
