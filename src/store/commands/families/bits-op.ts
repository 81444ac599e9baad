/** BITOP AND|OR|XOR|NOT destkey srckey [srckey ...] (bitops.c). */
import type { CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { RedisString } from '../../types/string.js';
import { argument, isOption } from './strings-shared.js';

type BitOperation = 'and' | 'or' | 'xor' | 'not';

function parseOperation(data: Buffer): BitOperation | undefined {
  for (const operation of ['and', 'or', 'xor', 'not'] as const) {
    if (isOption(data, operation)) return operation;
  }
  return undefined;
}

/** The source strings (missing keys are empty); undefined after a WRONGTYPE reply. */
function sourceStrings(ctx: CommandContext): Buffer[] | undefined {
  const sources: Buffer[] = [];
  for (let index = 3; index < ctx.argv.length; index++) {
    const value = ctx.db.lookupRead(argument(ctx, index));
    if (value === undefined) {
      sources.push(Buffer.alloc(0));
      continue;
    }
    if (value.type !== 'string') {
      ctx.reply.error(errors.wrongType);
      return undefined;
    }
    sources.push(value.bytes());
  }
  return sources;
}

/** The result bytes: shorter sources count as zero-padded. */
function combine(operation: BitOperation, sources: readonly Buffer[], length: number): Buffer {
  const result = Buffer.alloc(length);
  const first = sources[0] ?? Buffer.alloc(0);
  for (let index = 0; index < length; index++) {
    let output = first[index] ?? 0;
    if (operation === 'not') output = ~output & 0xff;
    for (let source = 1; source < sources.length; source++) {
      const byte = (sources[source] as Buffer)[index] ?? 0;
      if (operation === 'and') output &= byte;
      else if (operation === 'or') output |= byte;
      else output ^= byte;
    }
    result[index] = output;
  }
  return result;
}

/** BITOP: stores the result as a raw string (dropping the TTL), or deletes the destination when it is empty. */
export function bitopCommand(ctx: CommandContext): void {
  const operation = parseOperation(argument(ctx, 1));
  if (operation === undefined) {
    ctx.reply.error(errors.syntax);
    return;
  }
  if (operation === 'not' && ctx.argv.length !== 4) {
    ctx.reply.error('ERR BITOP NOT must be called with a single source key.');
    return;
  }
  const sources = sourceStrings(ctx);
  if (sources === undefined) return;
  const length = sources.reduce((longest, source) => Math.max(longest, source.length), 0);
  ctx.step(sources.length * (1 + length));
  const destination = argument(ctx, 2);
  if (length > 0) {
    ctx.db.set(destination, RedisString.rawFromBytes(combine(operation, sources, length)));
    ctx.keyModified(destination);
    ctx.notifyKeyspaceEvent('string', 'set', destination);
    ctx.dirty();
  } else if (ctx.db.delete(destination)) {
    ctx.keyModified(destination);
    ctx.notifyKeyspaceEvent('generic', 'del', destination);
    ctx.dirty();
  }
  ctx.reply.integer(length);
}
