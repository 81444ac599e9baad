import type { CommandContext, CommandSpec } from '../../commands/command.js';
import { serverContext } from '../execution-context.js';
import { infoText, selectedSections } from '../info.js';
import { keyless } from './spec.js';

function info(ctx: CommandContext): void {
  const { node } = serverContext(ctx);
  const sections = selectedSections(ctx.argv.slice(1).map((argument) => argument.toString('latin1').toLowerCase()));
  ctx.reply.verbatim(infoText(node, sections), 'txt');
}

export const infoCommand: CommandSpec = keyless('info', -1, ['loading', 'stale'], ['slow', 'dangerous'], info);
