/** PFDEBUG and PFSELFTEST (hyperloglog.c's testing and debugging commands). */
import { WRONG_TYPE, type CommandContext } from '../command.js';
import { runHyperLogLogSelfTest } from '../../types/hyperloglog-selftest.js';
import { holdHyperLogLog, invalidHyperLogLogError, sparseBytesMax, writeBack, type HeldHyperLogLog } from './hyperloglog-shared.js';
import { isOption } from './strings-shared.js';

/** The subcommand as C's `%s` prints it: up to the first NUL. */
function subcommandText(argument: Buffer): string {
  const end = argument.indexOf(0);
  return argument.subarray(0, end === -1 ? argument.length : end).toString('latin1');
}

/** PFDEBUG GETREG|DECODE|ENCODING|TODENSE key */
export function pfdebugCommand(ctx: CommandContext): void {
  const subcommand = ctx.argv[1] as Buffer;
  const key = ctx.argv[2] as Buffer;
  const held = holdHyperLogLog(ctx, key);
  if (held === WRONG_TYPE) return;
  if (held === undefined) {
    ctx.reply.error('ERR The specified key does not exist');
    return;
  }
  ctx.step(1);
  if (isOption(subcommand, 'getreg')) debugRegisters(ctx, key, held);
  else if (isOption(subcommand, 'decode')) {
    if (!held.sketch.isSparse()) ctx.reply.error('ERR HLL encoding is not sparse');
    else ctx.reply.bulk(held.sketch.decodeSparse());
  } else if (isOption(subcommand, 'encoding')) ctx.reply.status(held.sketch.isDense() ? 'dense' : 'sparse');
  else if (isOption(subcommand, 'todense')) debugToDense(ctx, key, held);
  else ctx.reply.error(`ERR Unknown PFDEBUG subcommand '${subcommandText(subcommand)}'`);
}

/** PFDEBUG GETREG: converts a sparse HLL to dense (propagated), then replies every register. */
function debugRegisters(ctx: CommandContext, key: Buffer, held: HeldHyperLogLog): void {
  if (held.sketch.isSparse()) {
    if (!held.sketch.toDense()) {
      ctx.reply.error(invalidHyperLogLogError);
      return;
    }
    writeBack(ctx, key, held);
    ctx.dirty();
  }
  const registers = held.sketch.denseRegisters();
  ctx.step(registers.length);
  ctx.reply.arrayHeader(registers.length);
  for (const value of registers) ctx.reply.integer(value);
}

/** PFDEBUG TODENSE: 1 when it converted. */
function debugToDense(ctx: CommandContext, key: Buffer, held: HeldHyperLogLog): void {
  if (!held.sketch.isSparse()) {
    ctx.reply.integer(0);
    return;
  }
  if (!held.sketch.toDense()) {
    ctx.reply.error(invalidHyperLogLogError);
    return;
  }
  writeBack(ctx, key, held);
  ctx.dirty();
  ctx.reply.integer(1);
}

/** PFSELFTEST: register access, then dense and sparse agreement and error bounds up to 10M elements. */
export function pfselftestCommand(ctx: CommandContext): void {
  // Its own stream: the 16M draws must not shift the node's random stream (SPOP, RANDOMKEY, ...).
  const failure = runHyperLogLogSelfTest(ctx.rng.fork('pfselftest'), sparseBytesMax(ctx), (count) => ctx.step(count));
  if (failure === undefined) ctx.reply.ok();
  else ctx.reply.error(failure);
}
