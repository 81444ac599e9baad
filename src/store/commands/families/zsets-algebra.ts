import type { CommandContext } from '../command.js';
import { errors } from '../errors.js';
import { binaryKey } from '../../keyspace/object.js';
import { getDoubleOrReply, getLongOrReply, getPositiveLongOrReply } from '../../types/number-parsing.js';
import { asSetValue, type SetValue, type StepCounter } from '../../types/set.js';
import { asZsetValue, ZsetValue, type ZsetEntry } from '../../types/zset.js';
import { stepsOf, storeOrDeleteDestination } from './sets-shared.js';
import { isKeyword } from './zsets-shared.js';

type Operation = 'union' | 'inter' | 'diff';
type Aggregate = 'sum' | 'min' | 'max';

/** zsetopsrc: an input key (a zset, a set whose members score 1, or missing) and its weight. */
interface Operand {
  readonly value: ZsetValue | SetValue | undefined;
  weight: number;
}

function operandLength(operand: Operand): number {
  return operand.value === undefined ? 0 : operand.value.size();
}

function* operandEntries(operand: Operand): Generator<ZsetEntry, void, undefined> {
  const value = operand.value;
  if (value === undefined) return;
  if (value instanceof ZsetValue) {
    // zuiInitIterator walks sorted sets from the highest entry down (cheap skiplist inserts).
    yield* value.walk({ by: 'rank', rank: 0 }, true);
    return;
  }
  for (const member of value.members()) yield { member, score: 1 };
}

/** zuiFind: the member's score in the operand (1 for a set member), or undefined. */
function operandScore(operand: Operand, member: Buffer, step: StepCounter): number | undefined {
  const value = operand.value;
  if (value === undefined) return undefined;
  if (value instanceof ZsetValue) return value.score(member, step);
  return value.has(member, step) ? 1 : undefined;
}

/** zunionInterAggregate: SUM turns inf + -inf (NaN) into 0. */
function aggregate(target: number, value: number, how: Aggregate): number {
  if (how === 'sum') {
    const sum = target + value;
    return Number.isNaN(sum) ? 0 : sum;
  }
  if (how === 'min') return value < target ? value : target;
  return value > target ? value : target;
}

/** score * weight, with NaN (0 * inf) as 0. */
function weighted(score: number, weight: number): number {
  const product = weight * score;
  return Number.isNaN(product) ? 0 : product;
}

interface AlgebraRequest {
  readonly operation: Operation;
  readonly destination: Buffer | undefined;
  readonly cardinalityOnly: boolean;
  aggregate: Aggregate;
  withScores: boolean;
  limit: number;
}

/** Reads the keys after numkeys; undefined (after WRONGTYPE) when one is neither a zset nor a set. */
function lookupOperands(ctx: CommandContext, firstKeyIndex: number, count: number): Operand[] | undefined {
  const operands: Operand[] = [];
  for (let index = firstKeyIndex; index < firstKeyIndex + count; index++) {
    const found = ctx.db.lookupRead(ctx.argv[index] as Buffer);
    if (found !== undefined && found.type !== 'zset' && found.type !== 'set') {
      ctx.reply.error(errors.wrongType);
      return undefined;
    }
    const value = found === undefined ? undefined : found.type === 'zset' ? asZsetValue(found) : asSetValue(found);
    operands.push({ value, weight: 1 });
  }
  return operands;
}

/** The optional arguments (WEIGHTS, AGGREGATE, WITHSCORES, LIMIT) as each command allows them. */
function parseAlgebraOptions(ctx: CommandContext, from: number, operands: Operand[], request: AlgebraRequest): boolean {
  const argv = ctx.argv;
  const allowsWeights = request.operation !== 'diff' && !request.cardinalityOnly;
  for (let index = from; index < argv.length; ) {
    const remaining = argv.length - index;
    const option = argv[index];
    if (allowsWeights && remaining >= operands.length + 1 && isKeyword(option, 'weights')) {
      index++;
      for (const operand of operands) {
        const weight = getDoubleOrReply(ctx.reply, argv[index++] as Buffer, 'ERR weight value is not a float');
        if (weight === undefined) return false;
        operand.weight = weight;
      }
    } else if (allowsWeights && remaining >= 2 && isKeyword(option, 'aggregate')) {
      const how = argv[index + 1];
      if (isKeyword(how, 'sum') || isKeyword(how, 'min') || isKeyword(how, 'max')) request.aggregate = (how as Buffer).toString('latin1').toLowerCase() as Aggregate;
      else return replySyntaxError(ctx);
      index += 2;
    } else if (request.destination === undefined && !request.cardinalityOnly && isKeyword(option, 'withscores')) {
      request.withScores = true;
      index++;
    } else if (request.cardinalityOnly && remaining >= 2 && isKeyword(option, 'limit')) {
      const limit = getPositiveLongOrReply(ctx.reply, argv[index + 1] as Buffer, "ERR LIMIT can't be negative");
      if (limit === undefined) return false;
      request.limit = limit;
      index += 2;
    } else return replySyntaxError(ctx);
  }
  return true;
}

function replySyntaxError(ctx: CommandContext): false {
  ctx.reply.error(errors.syntax);
  return false;
}

/** zunionInterDiffGenericCommand */
export function zsetAlgebra(ctx: CommandContext, commandName: string, numkeysIndex: number, request: AlgebraRequest): void {
  const setCount = getLongOrReply(ctx.reply, ctx.argv[numkeysIndex] as Buffer);
  if (setCount === undefined) return;
  if (setCount < 1) {
    ctx.reply.error(`ERR at least 1 input key is needed for '${commandName}' command`);
    return;
  }
  if (setCount > ctx.argv.length - (numkeysIndex + 1)) {
    ctx.reply.error(errors.syntax);
    return;
  }
  const operands = lookupOperands(ctx, numkeysIndex + 1, setCount);
  if (operands === undefined) return;
  if (!parseAlgebraOptions(ctx, numkeysIndex + 1 + setCount, operands, request)) return;
  if (request.operation !== 'diff') operands.sort((left, right) => operandLength(left) - operandLength(right));
  const step = stepsOf(ctx);
  if (request.cardinalityOnly) {
    ctx.reply.integer(intersectionCardinality(operands, request.limit, step));
    return;
  }
  const result = new ZsetValue(ctx.rng, 'skiplist');
  if (request.operation === 'inter') intersectInto(result, operands, request.aggregate, ctx, step);
  else if (request.operation === 'union') unionInto(result, operands, request.aggregate, ctx, step);
  else differenceInto(result, operands, ctx, step);
  finishAlgebra(ctx, request, result);
}

function finishAlgebra(ctx: CommandContext, request: AlgebraRequest, result: ZsetValue): void {
  if (request.destination !== undefined) {
    if (result.size() > 0) result.convertToListpackIfFits(ctx.encodingConfig, stepsOf(ctx));
    if (storeOrDeleteDestination(ctx, request.destination, result, result.size())) ctx.keyReady(request.destination);
    return;
  }
  const nested = request.withScores && ctx.reply.protocolVersion === 3;
  ctx.reply.arrayHeader(result.size() * (request.withScores && !nested ? 2 : 1));
  for (const entry of result.walk({ by: 'rank', rank: 0 }, false, stepsOf(ctx))) {
    if (nested) ctx.reply.arrayHeader(2);
    ctx.reply.bulk(entry.member);
    if (request.withScores) ctx.reply.double(entry.score);
  }
}

/** Each member of the smallest input present in every other input, with its aggregated score. */
function* intersection(operands: readonly Operand[], how: Aggregate, step: StepCounter): Generator<ZsetEntry, void, undefined> {
  const smallest = operands[0] as Operand;
  if (operandLength(smallest) === 0) return;
  for (const entry of operandEntries(smallest)) {
    let score = weighted(entry.score, smallest.weight);
    let inAll = true;
    for (const other of operands.slice(1)) {
      const found = other.value === smallest.value ? entry.score : operandScore(other, entry.member, step);
      if (found === undefined) {
        inAll = false;
        break;
      }
      score = aggregate(score, found * other.weight, how);
    }
    if (inAll) yield { member: entry.member, score };
  }
}

function intersectionCardinality(operands: readonly Operand[], limit: number, step: StepCounter): number {
  let cardinality = 0;
  for (const _entry of intersection(operands, 'sum', step)) {
    cardinality++;
    if (limit > 0 && cardinality >= limit) break;
  }
  return cardinality;
}

function intersectInto(result: ZsetValue, operands: readonly Operand[], how: Aggregate, ctx: CommandContext, step: StepCounter): void {
  for (const entry of intersection(operands, how, step)) result.insertNew(entry.member, entry.score, ctx.encodingConfig, step);
}

function unionInto(result: ZsetValue, operands: readonly Operand[], how: Aggregate, ctx: CommandContext, step: StepCounter): void {
  const accumulator = new Map<string, { member: Buffer; score: number }>();
  for (const operand of operands) {
    for (const entry of operandEntries(operand)) {
      const score = weighted(entry.score, operand.weight);
      const name = binaryKey(entry.member);
      const existing = accumulator.get(name);
      step(1);
      if (existing === undefined) accumulator.set(name, { member: entry.member, score });
      else existing.score = aggregate(existing.score, score, how);
    }
  }
  for (const { member, score } of accumulator.values()) result.insertNew(member, score, ctx.encodingConfig, step);
}

/** zdiff: algorithm 1 probes the first input's members, algorithm 2 adds them all then removes. */
function differenceInto(result: ZsetValue, operands: readonly Operand[], ctx: CommandContext, step: StepCounter): void {
  const first = operands[0] as Operand;
  if (operandLength(first) === 0) return;
  const others = operands.slice(1);
  if (others.some((other) => other.value === first.value)) return;
  const algorithmOneWork = Math.floor((operandLength(first) * operands.length) / 2);
  const algorithmTwoWork = operands.reduce((sum, operand) => sum + operandLength(operand), 0);
  if (algorithmOneWork <= algorithmTwoWork) {
    others.sort((left, right) => operandLength(right) - operandLength(left));
    for (const entry of operandEntries(first)) {
      if (!others.some((other) => operandScore(other, entry.member, step) !== undefined)) result.insertNew(entry.member, entry.score, ctx.encodingConfig, step);
    }
    return;
  }
  for (const entry of operandEntries(first)) result.insertNew(entry.member, entry.score, ctx.encodingConfig, step);
  for (const other of others) {
    if (operandLength(other) === 0) continue;
    for (const entry of operandEntries(other)) {
      result.delete(entry.member, step);
      if (result.size() === 0) return;
    }
  }
}

function request(operation: Operation, destination: Buffer | undefined, cardinalityOnly = false): AlgebraRequest {
  return { operation, destination, cardinalityOnly, aggregate: 'sum', withScores: false, limit: 0 };
}

/** ZUNIONSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] */
export function zunionstoreCommand(ctx: CommandContext): void {
  zsetAlgebra(ctx, 'zunionstore', 2, request('union', ctx.argv[1]));
}

/** ZINTERSTORE destination numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] */
export function zinterstoreCommand(ctx: CommandContext): void {
  zsetAlgebra(ctx, 'zinterstore', 2, request('inter', ctx.argv[1]));
}

/** ZDIFFSTORE destination numkeys key [key ...] */
export function zdiffstoreCommand(ctx: CommandContext): void {
  zsetAlgebra(ctx, 'zdiffstore', 2, request('diff', ctx.argv[1]));
}

/** ZUNION numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES] */
export function zunionCommand(ctx: CommandContext): void {
  zsetAlgebra(ctx, 'zunion', 1, request('union', undefined));
}

/** ZINTER numkeys key [key ...] [WEIGHTS weight ...] [AGGREGATE SUM|MIN|MAX] [WITHSCORES] */
export function zinterCommand(ctx: CommandContext): void {
  zsetAlgebra(ctx, 'zinter', 1, request('inter', undefined));
}

/** ZDIFF numkeys key [key ...] [WITHSCORES] */
export function zdiffCommand(ctx: CommandContext): void {
  zsetAlgebra(ctx, 'zdiff', 1, request('diff', undefined));
}

/** ZINTERCARD numkeys key [key ...] [LIMIT limit] */
export function zintercardCommand(ctx: CommandContext): void {
  zsetAlgebra(ctx, 'zintercard', 1, request('inter', undefined, true));
}
