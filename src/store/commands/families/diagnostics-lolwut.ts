import type { CommandContext } from '../command.js';
import { parseStrictInteger } from '../../protocol/integer-text.js';
import { argIs } from '../../server/commands/spec.js';
import { diagnosticsOf } from '../../server/diagnostics-state.js';
import { serverContext } from '../../server/execution-context.js';
import { REDIS_VERSION } from '../../server/version.js';
import { drawSchotter, drawSkyline, RAND_MAX, type CRandom } from './diagnostics-lolwut-art.js';
import { renderBraille, renderGrays } from './diagnostics-lolwut-canvas.js';

const INTEGER_ERROR = 'ERR value is not an integer or out of range';

/** getLongFromObjectOrReply for the art's optional arguments: the default when absent, undefined (replied) when not an integer. */
function longArgument(ctx: CommandContext, argv: readonly Buffer[], index: number, fallback: number): number | undefined {
  const argument = argv[index];
  if (argument === undefined) return fallback;
  const parsed = parseStrictInteger(argument);
  if (parsed === undefined) {
    ctx.reply.error(INTEGER_ERROR);
    return undefined;
  }
  return Number(parsed);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** rand() from the node's own lolwut stream: the art changes from call to call, yet one seed gives one picture sequence. */
function cRandomOf(ctx: CommandContext): CRandom {
  const diagnostics = diagnosticsOf(serverContext(ctx).node);
  return () => diagnostics.lolwutRng().int(RAND_MAX + 1);
}

/** lolwut5Command: Georg Nees's Schotter in Braille characters. */
function lolwut5(ctx: CommandContext, argv: readonly Buffer[]): void {
  const columns = longArgument(ctx, argv, 1, 66);
  if (columns === undefined) return;
  const squaresPerRow = longArgument(ctx, argv, 2, 8);
  if (squaresPerRow === undefined) return;
  const squaresPerColumn = longArgument(ctx, argv, 3, 12);
  if (squaresPerColumn === undefined) return;
  const canvas = drawSchotter(cRandomOf(ctx), clamp(columns, 1, 1000), clamp(squaresPerRow, 1, 200), clamp(squaresPerColumn, 1, 200));
  const text = `${renderBraille(canvas)}\nGeorg Nees - schotter, plotter on paper, 1968. Redis ver. ${REDIS_VERSION}\n`;
  ctx.reply.verbatim(Buffer.from(text, 'utf8'), 'txt');
}

/** lolwut6Command: a city skyline in four grays. */
function lolwut6(ctx: CommandContext, argv: readonly Buffer[]): void {
  const columns = longArgument(ctx, argv, 1, 80);
  if (columns === undefined) return;
  const rows = longArgument(ctx, argv, 2, 20);
  if (rows === undefined) return;
  const canvas = drawSkyline(cRandomOf(ctx), clamp(columns, 1, 1000), clamp(rows, 1, 1000));
  const text = `${renderGrays(canvas)}\nDedicated to the 8 bit game developers of past and present.\nOriginal 8 bit image from Plaguemon by hikikomori. Redis ver. ${REDIS_VERSION}\n`;
  ctx.reply.verbatim(text, 'txt');
}

/** Which art lolwutCommand picks for a version string: 5.x (and 4.9) Schotter, 6.x (and 5.9) the skyline, else text. */
function artOf(version: string): 5 | 6 | undefined {
  const [first, second, third] = [version[0], version[1], version[2]];
  if ((first === '5' && second === '.' && third !== '9') || (first === '4' && second === '.' && third === '9')) return 5;
  if ((first === '6' && second === '.' && third !== '9') || (first === '5' && second === '.' && third === '9')) return 6;
  return undefined;
}

/**
 * LOLWUT [VERSION v] [art arguments] (lolwut.c). 7.0.15 answers only its
 * version by default; VERSION 5 and 6 draw the art of those releases with
 * the arguments that follow. Redis draws with rand(), so no two pictures,
 * ours or its, are alike; the composition rules are the same.
 */
export function lolwut(ctx: CommandContext): void {
  let version = REDIS_VERSION;
  let artArguments: readonly Buffer[] = ctx.argv;
  if (ctx.argv.length >= 3 && argIs(ctx, 1, 'version')) {
    const parsed = parseStrictInteger(ctx.argv[2] as Buffer);
    if (parsed === undefined) {
      ctx.reply.error(INTEGER_ERROR);
      return;
    }
    version = `${BigInt.asUintN(32, parsed)}.0.0`;
    artArguments = ctx.argv.slice(2);
  }
  const art = artOf(version);
  if (art === 5) lolwut5(ctx, artArguments);
  else if (art === 6) lolwut6(ctx, artArguments);
  else ctx.reply.verbatim(`Redis ver. ${REDIS_VERSION}\n`, 'txt');
}
