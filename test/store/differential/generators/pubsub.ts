import fc from 'fast-check';
import { command, pattern, value, word } from '../arguments.js';
import type { Operation } from '../operation.js';

/** Channels nobody subscribes to (the test's one connection never subscribes). */
const channel = fc.constantFrom('news', 'ch1', 'k1', '', 'a b', 'ch*');

const channels = fc.array(channel, { maxLength: 3 });

export const pubsubCommands: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 3, arbitrary: command('PUBLISH', channel, value) },
  command('SPUBLISH', channel, value),
  command('PUBSUB', word('NUMSUB'), channels),
  command('PUBSUB', word('SHARDNUMSUB'), channels),
  command('PUBSUB', word('CHANNELS'), fc.array(pattern, { maxLength: 1 })),
  command('PUBSUB', word('SHARDCHANNELS'), fc.array(pattern, { maxLength: 1 })),
  command('PUBSUB', word('NUMPAT')),
  command('PUBSUB', fc.constantFrom('NOSUCH', 'numpat'), channels),
);
