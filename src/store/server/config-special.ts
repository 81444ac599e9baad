import type { ConfigValueError } from './config.js';
import { parseKeyspaceEventsConfig } from './keyspace-events.js';
import { parseMemory } from './memory-text.js';

/**
 * Parameters with their own syntax (config.c's special configs). Each
 * returns the canonical text CONFIG GET prints, or the error.
 */
export function validateSpecialConfig(name: string, value: string, current: string): string | ConfigValueError {
  switch (name) {
    case 'save':
      return parseSaveParameters(value);
    case 'client-output-buffer-limit':
      return parseOutputBufferLimits(value, current);
    case 'bind':
      return value.trim().split(/\s+/).filter((address) => address.length > 0).join(' ');
    case 'replicaof':
      return value;
    case 'notify-keyspace-events':
      return parseKeyspaceEventsConfig(value);
    default:
      return { error: 'Config name not found' };
  }
}

function parseSaveParameters(value: string): string | ConfigValueError {
  const words = value.trim().split(/\s+/).filter((word) => word.length > 0);
  if (words.length % 2 !== 0) return { error: 'Invalid save parameters' };
  for (const word of words) {
    if (!/^\d+$/.test(word)) return { error: 'Invalid save parameters' };
  }
  return words.map((word) => String(Number(word))).join(' ');
}

export interface OutputBufferLimit {
  readonly hardBytes: number;
  readonly softBytes: number;
  readonly softSeconds: number;
}

export type ClientClass = 'normal' | 'slave' | 'pubsub';

type OutputBufferLimits = Readonly<Record<ClientClass, OutputBufferLimit>>;

/** The last text parsed and its limits: the reply path asks on every write, CONFIG SET rarely changes it. */
let lastParsedLimits: { readonly canonical: string; readonly limits: OutputBufferLimits } | undefined;

/** The three classes' limits of a canonical text (cached: the text changes only by CONFIG SET). */
export function outputBufferLimits(canonical: string): OutputBufferLimits {
  if (lastParsedLimits?.canonical !== canonical) lastParsedLimits = { canonical, limits: parseCanonicalLimits(canonical) };
  return lastParsedLimits.limits;
}

function parseCanonicalLimits(canonical: string): OutputBufferLimits {
  const words = canonical.split(' ');
  const limits: Record<ClientClass, OutputBufferLimit> = {
    normal: { hardBytes: 0, softBytes: 0, softSeconds: 0 },
    slave: { hardBytes: 0, softBytes: 0, softSeconds: 0 },
    pubsub: { hardBytes: 0, softBytes: 0, softSeconds: 0 },
  };
  for (let index = 0; index + 3 < words.length; index += 4) {
    const clientClass = words[index] as ClientClass;
    limits[clientClass] = { hardBytes: Number(words[index + 1]), softBytes: Number(words[index + 2]), softSeconds: Number(words[index + 3]) };
  }
  return limits;
}

function parseOutputBufferLimits(value: string, current: string): string | ConfigValueError {
  const words = value.trim().split(/\s+/).filter((word) => word.length > 0);
  if (words.length % 4 !== 0) return { error: 'Wrong number of arguments in buffer limit configuration.' };
  const limits = { ...outputBufferLimits(current) };
  for (let index = 0; index < words.length; index += 4) {
    const className = (words[index] as string).toLowerCase();
    const clientClass: ClientClass | undefined = className === 'replica' || className === 'slave' ? 'slave' : className === 'normal' || className === 'pubsub' ? className : undefined;
    if (clientClass === undefined) return { error: 'Invalid client class specified in buffer limit configuration.' };
    const hard = parseMemory(words[index + 1] as string);
    const soft = parseMemory(words[index + 2] as string);
    const seconds = /^\d+$/.test(words[index + 3] as string) ? Number(words[index + 3]) : undefined;
    if (hard === undefined || soft === undefined || seconds === undefined) {
      return { error: 'Error in hard, soft or soft_seconds setting in buffer limit configuration.' };
    }
    limits[clientClass] = { hardBytes: Number(hard), softBytes: Number(soft), softSeconds: seconds };
  }
  return (['normal', 'slave', 'pubsub'] as const)
    .map((clientClass) => `${clientClass} ${limits[clientClass].hardBytes} ${limits[clientClass].softBytes} ${limits[clientClass].softSeconds}`)
    .join(' ');
}
