import { commandName, type Operation } from './operation.js';
import { runSequence, type SequenceCase, type SequenceOutcome } from './run-sequence.js';
import type { DifferentialTarget } from './target.js';

const blockingCommands = new Set(['blpop', 'brpop', 'blmove', 'brpoplpush', 'blmpop', 'bzpopmin', 'bzpopmax', 'bzmpop']);

/**
 * True if a blocking pop could run outside MULTI (it would hang the real
 * server's pipeline). Conservative: only a well-formed MULTI opens a
 * transaction here, and any EXEC, DISCARD or RESET closes it.
 */
export function mayBlock(operations: readonly Operation[]): boolean {
  let inMulti = false;
  for (const op of operations) {
    const name = commandName(op.argv);
    if (name === 'multi' && op.argv.length === 1) inMulti = true;
    else if (name === 'exec' || name === 'discard' || name === 'reset') inMulti = false;
    else if (blockingCommands.has(name) && !inMulti) return true;
  }
  return false;
}

const attemptsMax = 400;

/**
 * After fast-check's shrinking, a greedy pass that drops single commands (and
 * config overrides) while the targets still disagree,
 * so the reported sequence is 1-minimal: removing any one command makes the
 * difference go away.
 */
export async function minimizeCase(
  reference: DifferentialTarget,
  candidate: DifferentialTarget,
  failing: SequenceOutcome,
  stillFails: (outcome: SequenceOutcome) => boolean = (outcome) => outcome.mismatch !== undefined,
): Promise<SequenceOutcome> {
  let best = failing;
  let attempts = 0;
  const tryCase = async (testCase: SequenceCase): Promise<boolean> => {
    if (attempts++ >= attemptsMax || mayBlock(testCase.operations)) return false;
    const outcome = await runSequence(reference, candidate, testCase);
    if (!stillFails(outcome)) return false;
    best = outcome;
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let index = best.testCase.operations.length - 1; index >= 0; index--) {
      const operations = best.testCase.operations.filter((_, position) => position !== index);
      if (await tryCase({ config: best.testCase.config, operations })) changed = true;
    }
    for (const name of Object.keys(best.testCase.config)) {
      const config = Object.fromEntries(Object.entries(best.testCase.config).filter(([other]) => other !== name));
      if (await tryCase({ config, operations: best.testCase.operations })) changed = true;
    }
  }
  return best;
}
