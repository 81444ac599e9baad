import { bitCommands } from './generators/bits.js';
import { bulkFillCommands } from './generators/bulk.js';
import { commandGetKeys, connectionCommands } from './generators/connection.js';
import { hashCommands } from './generators/hashes.js';
import { keyCommands } from './generators/keys.js';
import { blockingListCommands, listCommands } from './generators/lists.js';
import { pubsubCommands } from './generators/pubsub.js';
import { setCommands } from './generators/sets.js';
import { streamCommands } from './generators/streams.js';
import { stringCommands } from './generators/strings.js';
import { blockingZsetCommands, zsetCommands } from './generators/zsets.js';
import fc from 'fast-check';
import type { SequenceShape } from './sequence.js';

/**
 * The groups the differential test runs, each a mix of families with weights
 * (a little of the others keeps types colliding), and its share of runs.
 */
export interface FamilyGroup {
  readonly name: string;
  readonly shape: SequenceShape;
  readonly numRuns: number;
}

const blocking = fc.oneof(blockingListCommands, blockingZsetCommands);

const group = (name: string, numRuns: number, families: SequenceShape['families'], transactionWeight = 1): FamilyGroup => ({
  name,
  numRuns,
  shape: { families, blockingCommands: blocking, transactionWeight, unitsMin: 1, unitsMax: 24 },
});

export const familyGroups: readonly FamilyGroup[] = [
  group('keys, strings and connection/server', 350, [
    { weight: 5, commands: keyCommands },
    { weight: 5, commands: stringCommands },
    { weight: 2, commands: connectionCommands },
    { weight: 1, commands: listCommands },
    { weight: 1, commands: hashCommands },
  ]),
  group('strings and bits', 250, [
    { weight: 4, commands: bitCommands },
    { weight: 3, commands: stringCommands },
    { weight: 1, commands: keyCommands },
  ]),
  group('lists', 250, [
    { weight: 8, commands: listCommands },
    { weight: 0.2, commands: bulkFillCommands },
    { weight: 1, commands: stringCommands },
    { weight: 1, commands: keyCommands },
  ]),
  group('hashes', 250, [
    { weight: 8, commands: hashCommands },
    { weight: 0.3, commands: bulkFillCommands },
    { weight: 1, commands: stringCommands },
    { weight: 1, commands: keyCommands },
  ]),
  group('sets', 250, [
    { weight: 8, commands: setCommands },
    { weight: 0.3, commands: bulkFillCommands },
    { weight: 1, commands: stringCommands },
    { weight: 1, commands: keyCommands },
  ]),
  group('sorted sets', 300, [
    { weight: 8, commands: zsetCommands },
    { weight: 0.3, commands: bulkFillCommands },
    { weight: 2, commands: setCommands },
    { weight: 1, commands: keyCommands },
  ]),
  group('transactions and pub/sub', 200, [
    { weight: 3, commands: pubsubCommands },
    { weight: 2, commands: stringCommands },
    { weight: 2, commands: listCommands },
    { weight: 1, commands: keyCommands },
  ], 8),
  group('everything mixed', 300, [
    { weight: 2, commands: keyCommands },
    { weight: 2, commands: stringCommands },
    { weight: 1, commands: bitCommands },
    { weight: 2, commands: listCommands },
    { weight: 2, commands: hashCommands },
    { weight: 2, commands: setCommands },
    { weight: 2, commands: zsetCommands },
    { weight: 1, commands: streamCommands },
    { weight: 1, commands: pubsubCommands },
    { weight: 1, commands: connectionCommands },
    { weight: 0.5, commands: commandGetKeys(fc.oneof(keyCommands, stringCommands, listCommands, setCommands, zsetCommands, hashCommands, bitCommands)) },
  ], 2),
  group('streams', 250, [
    { weight: 8, commands: streamCommands },
    { weight: 1, commands: stringCommands },
    { weight: 1, commands: keyCommands },
  ]),
];
