import type { KeyspaceEventClass } from '../commands/command.js';
import type { ConfigValueError } from './config.js';

/** The NOTIFY_* bits of server.h, by class and by the flag character notify-keyspace-events uses. */
const CLASS_BITS: Readonly<Record<KeyspaceEventClass, number>> = {
  generic: 1 << 2,
  string: 1 << 3,
  list: 1 << 4,
  set: 1 << 5,
  hash: 1 << 6,
  zset: 1 << 7,
  expired: 1 << 8,
  evicted: 1 << 9,
  stream: 1 << 10,
  keymiss: 1 << 11,
  module: 1 << 13,
  new: 1 << 14,
};

const KEYSPACE = 1 << 0;
const KEYEVENT = 1 << 1;
/** NOTIFY_ALL: every class but key misses and new keys. */
const ALL = CLASS_BITS.generic | CLASS_BITS.string | CLASS_BITS.list | CLASS_BITS.set | CLASS_BITS.hash | CLASS_BITS.zset | CLASS_BITS.expired | CLASS_BITS.evicted | CLASS_BITS.stream | CLASS_BITS.module;

/** keyspaceEventsFlagsToString's order for the classes when not all of them are set. */
const CLASS_ORDER: readonly (readonly [string, number])[] = [
  ['g', CLASS_BITS.generic],
  ['$', CLASS_BITS.string],
  ['l', CLASS_BITS.list],
  ['s', CLASS_BITS.set],
  ['h', CLASS_BITS.hash],
  ['z', CLASS_BITS.zset],
  ['x', CLASS_BITS.expired],
  ['e', CLASS_BITS.evicted],
  ['t', CLASS_BITS.stream],
  ['d', CLASS_BITS.module],
  ['n', CLASS_BITS.new],
];

/** keyspaceEventsStringToFlags's characters: the classes, plus A (all), K, E and m (key misses, not part of A). */
const FLAG_CHARACTERS: ReadonlyMap<string, number> = new Map([
  ['A', ALL],
  ...CLASS_ORDER,
  ['K', KEYSPACE],
  ['E', KEYEVENT],
  ['m', CLASS_BITS.keymiss],
]);

/** keyspaceEventsStringToFlags: the bit set, or undefined on a character that names no class. */
export function keyspaceEventFlags(classes: string): number | undefined {
  let flags = 0;
  for (const character of classes) {
    const bits = FLAG_CHARACTERS.get(character);
    if (bits === undefined) return undefined;
    flags |= bits;
  }
  return flags;
}

/** keyspaceEventsFlagsToString: the canonical text CONFIG GET prints. */
export function keyspaceEventFlagsText(flags: number): string {
  let text = '';
  if ((flags & ALL) === ALL) text += 'A';
  else for (const [character, bits] of CLASS_ORDER) if ((flags & bits) !== 0) text += character;
  if ((flags & KEYSPACE) !== 0) text += 'K';
  if ((flags & KEYEVENT) !== 0) text += 'E';
  if ((flags & CLASS_BITS.keymiss) !== 0) text += 'm';
  return text;
}

/**
 * CONFIG SET notify-keyspace-events: the value as given (the canonical text
 * would lose `n` next to `A`; CONFIG GET canonicalizes), or config.c's error.
 */
export function parseKeyspaceEventsConfig(value: string): string | ConfigValueError {
  if (keyspaceEventFlags(value) === undefined) return { error: "Invalid event class character. Use 'Ag$lshzxeKEtmdn'." };
  return value;
}

/** What a notification publishes through (the node's pub/sub registry). */
export type PublishMessage = (channel: Buffer, message: Buffer) => void;

/**
 * notifyKeyspaceEvent (notify.c): when the event's class is enabled,
 * publishes `__keyspace@<db>__:<key>` with the event name and/or
 * `__keyevent@<db>__:<event>` with the key.
 */
export function publishKeyspaceEvent(flags: number, publish: PublishMessage, type: KeyspaceEventClass, event: string, key: Buffer, dbId: number): void {
  if ((flags & CLASS_BITS[type]) === 0) return;
  const eventBytes = Buffer.from(event, 'latin1');
  if ((flags & KEYSPACE) !== 0) publish(Buffer.concat([Buffer.from(`__keyspace@${dbId}__:`, 'latin1'), key]), eventBytes);
  if ((flags & KEYEVENT) !== 0) publish(Buffer.from(`__keyevent@${dbId}__:${event}`, 'latin1'), key);
}
