import type { RespReply } from '../../support/resp-reply.js';
import type { DifferentialTarget } from './target.js';

/** Rewrites some top-level replies of a target: a planted bug, to prove the harness reports and shrinks it. */
export type ReplyPlant = (argv: readonly Buffer[], reply: RespReply) => RespReply;

export function plantedTarget(inner: DifferentialTarget, plant: ReplyPlant, label = 'planted'): DifferentialTarget {
  return {
    label,
    begin: (config, clockMs) => inner.begin(config, clockMs),
    async run(commands) {
      const replies = await inner.run(commands);
      return replies.map((reply, index) => plant(commands[index] ?? [], reply));
    },
    close: () => inner.close(),
  };
}
