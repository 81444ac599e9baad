import type { CommandContext, CommandSpec } from '../../commands/command.js';
import { errors } from '../../commands/errors.js';
import { memoryUsage } from '../memory-estimate.js';
import { argIs, container, replyHelp } from './spec.js';
import { integerArgument } from './integer-arguments.js';

const MEMORY_HELP = [
  'DOCTOR',
  '    Return memory problems reports.',
  'MALLOC-STATS',
  '    Return internal statistics report from the memory allocator.',
  'PURGE',
  '    Attempt to purge dirty pages for reclamation by the allocator.',
  'STATS',
  '    Return information about the memory usage of the server.',
  'USAGE <key> [SAMPLES <count>]',
  '    Return memory in bytes used by <key> and its value. Nested values are',
  '    sampled up to <count> times (default: 5, 0 means sample all).',
];

const OBJ_COMPUTE_SIZE_DEF_SAMPLES = 5;

/** MEMORY USAGE key [SAMPLES count]: see memory-estimate.ts for how close it is to Redis. */
function memoryUsageCommand(ctx: CommandContext): void {
  let samples = OBJ_COMPUTE_SIZE_DEF_SAMPLES;
  for (let index = 3; index < ctx.argv.length; index++) {
    if (argIs(ctx, index, 'samples') && index + 1 < ctx.argv.length) {
      const count = integerArgument(ctx, index + 1);
      if (count === undefined) return;
      if (count < 0n) {
        ctx.reply.error(errors.syntax);
        return;
      }
      samples = count === 0n ? Number.MAX_SAFE_INTEGER : Number(count);
      index++;
    } else {
      ctx.reply.error(errors.syntax);
      return;
    }
  }
  const key = ctx.argv[2] as Buffer;
  const value = ctx.db.lookupRead(key, { noTouch: true, noStats: true });
  if (value === undefined) {
    ctx.reply.nullBulk();
    return;
  }
  ctx.reply.integer(memoryUsage(key, value, samples));
}

export const memoryCommand: CommandSpec = container('memory', [
  { name: 'memory|usage', arity: -3, flags: ['readonly'], categories: ['read', 'slow'], firstKey: 2, lastKey: 2, keyStep: 1, handler: memoryUsageCommand },
  { name: 'memory|help', arity: 2, flags: ['loading', 'stale'], categories: ['slow'], firstKey: 0, lastKey: 0, keyStep: 0, handler: (ctx) => replyHelp(ctx, 'MEMORY', MEMORY_HELP) },
]);
