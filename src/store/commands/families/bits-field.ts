/**
 * BITFIELD key [GET type offset] [SET type offset value]
 * [INCRBY type offset increment] [OVERFLOW WRAP|SAT|FAIL] ... and
 * BITFIELD_RO (GET only). Every operation is parsed before any runs.
 */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { getLongLongOrReply, string2ll } from '../../types/number-parsing.js';
import { readField, signedOutcome, unsignedOutcome, writeField, type FieldType, type OverflowRule } from './bits-field-arithmetic.js';
import { bitOffsetOrReply, stringForBitWrite } from './bits-shared.js';
import { argument, isOption, lookupStringRead } from './strings-shared.js';

interface FieldOperation {
  readonly kind: 'get' | 'set' | 'incrby';
  readonly type: FieldType;
  readonly offset: bigint;
  readonly operand: bigint;
  readonly rule: OverflowRule;
}

const typeError = 'ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.';

/** getBitfieldTypeFromArgument: `i1`..`i64` or `u1`..`u63` (lowercase sign letter). */
function parseFieldType(ctx: CommandContext, data: Buffer): FieldType | undefined {
  const signed = data[0] === 0x69;
  const nul = data.indexOf(0, 1);
  const bits = signed || data[0] === 0x75 ? string2ll(data.subarray(1, nul === -1 ? data.length : nul)) : undefined;
  if (bits === undefined || bits < 1n || (signed && bits > 64n) || (!signed && bits > 63n)) {
    ctx.reply.error(typeError);
    return undefined;
  }
  return { signed, bits: Number(bits) };
}

function parseOverflowRule(data: Buffer): OverflowRule | undefined {
  if (isOption(data, 'WRAP')) return 'wrap';
  if (isOption(data, 'SAT')) return 'sat';
  if (isOption(data, 'FAIL')) return 'fail';
  return undefined;
}

/** All operations, or undefined after an error reply. */
function parseOperations(ctx: CommandContext): FieldOperation[] | undefined {
  const operations: FieldOperation[] = [];
  let rule: OverflowRule = 'wrap';
  for (let index = 2; index < ctx.argv.length; index++) {
    const name = argument(ctx, index);
    const remaining = ctx.argv.length - index - 1;
    if (isOption(name, 'OVERFLOW') && remaining >= 1) {
      const parsed = parseOverflowRule(argument(ctx, ++index));
      if (parsed === undefined) {
        ctx.reply.error('ERR Invalid OVERFLOW type specified');
        return undefined;
      }
      rule = parsed;
      continue;
    }
    const kind = isOption(name, 'GET') && remaining >= 2 ? 'get' : isOption(name, 'SET') && remaining >= 3 ? 'set' : isOption(name, 'INCRBY') && remaining >= 3 ? 'incrby' : undefined;
    if (kind === undefined) {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
    const type = parseFieldType(ctx, argument(ctx, index + 1));
    if (type === undefined) return undefined;
    const offset = bitOffsetOrReply(ctx, argument(ctx, index + 2), type.bits);
    if (offset === undefined) return undefined;
    let operand = 0n;
    if (kind !== 'get') {
      const parsed = getLongLongOrReply(ctx.reply, argument(ctx, index + 3));
      if (parsed === undefined) return undefined;
      operand = parsed;
    }
    operations.push({ kind, type, offset, operand, rule });
    index += kind === 'get' ? 2 : 3;
  }
  return operations;
}

function bitfieldGeneric(ctx: CommandContext, readOnlyCommand: boolean): void {
  const operations = parseOperations(ctx);
  if (operations === undefined) return;
  const writes = operations.filter((operation) => operation.kind !== 'get');
  if (writes.length === 0) {
    const value = lookupStringRead(ctx, argument(ctx, 1));
    if (value === WRONG_TYPE) return;
    const data = value === undefined ? Buffer.alloc(0) : value.bytes();
    ctx.step(1 + operations.length);
    ctx.reply.arrayHeader(operations.length);
    for (const operation of operations) ctx.reply.integer(readField(data, operation.offset, operation.type));
    return;
  }
  if (readOnlyCommand) {
    ctx.reply.error('ERR BITFIELD_RO only supports the GET subcommand');
    return;
  }
  const highestBit = writes.reduce((highest, operation) => {
    const last = operation.offset + BigInt(operation.type.bits) - 1n;
    return last > highest ? last : highest;
  }, 0n);
  const target = stringForBitWrite(ctx, highestBit);
  if (target === WRONG_TYPE) return;
  ctx.step(1 + operations.length);
  ctx.reply.arrayHeader(operations.length);
  let changes = 0;
  for (const operation of operations) {
    if (applyOperation(ctx, target.value.editableBytes(), operation, target.grew)) changes++;
  }
  if (changes > 0) {
    ctx.keyModified(argument(ctx, 1));
    ctx.notifyKeyspaceEvent('string', 'setbit', argument(ctx, 1));
    ctx.dirty(changes);
  }
}

/** Runs one operation against the (already large enough) bytes; true if it counts as a change. */
function applyOperation(ctx: CommandContext, data: Buffer, operation: FieldOperation, grew: boolean): boolean {
  const { type } = operation;
  if (operation.kind === 'get') {
    ctx.reply.integer(readField(data, operation.offset, type));
    return false;
  }
  const oldValue = readField(data, operation.offset, type);
  const increment = operation.kind === 'incrby' ? operation.operand : 0n;
  const base = operation.kind === 'incrby' ? oldValue : type.signed ? operation.operand : BigInt.asUintN(64, operation.operand);
  const outcome = type.signed ? signedOutcome(base, increment, type.bits, operation.rule) : unsignedOutcome(base, increment, type.bits, operation.rule);
  if (outcome.overflow && operation.rule === 'fail') {
    ctx.reply.nullBulk();
    return false;
  }
  ctx.reply.integer(operation.kind === 'incrby' ? outcome.value : oldValue);
  writeField(data, operation.offset, type.bits, outcome.value);
  return grew || oldValue !== outcome.value;
}

/** BITFIELD key ... */
export function bitfieldCommand(ctx: CommandContext): void {
  bitfieldGeneric(ctx, false);
}

/** BITFIELD_RO key [GET type offset ...] */
export function bitfieldRoCommand(ctx: CommandContext): void {
  bitfieldGeneric(ctx, true);
}
