import fc from 'fast-check';
import type { RespReply } from '../../support/resp-reply.js';
import { orderExecutions, type Execution } from './executions.js';
import { findFirstMismatch, type Mismatch } from './judge.js';
import type { Operation } from './operation.js';
import { buildSteps, type Step } from './steps.js';
import type { DifferentialTarget, SequenceConfig } from './target.js';

/** One generated test case: the encoding thresholds and the commands. */
export interface SequenceCase {
  readonly config: SequenceConfig;
  readonly operations: readonly Operation[];
}

export interface SequenceOutcome {
  readonly testCase: SequenceCase;
  readonly steps: readonly Step[];
  readonly real: readonly RespReply[];
  readonly ours: readonly RespReply[];
  readonly executions: readonly Execution[];
  readonly mismatch: Mismatch | undefined;
}

/**
 * Small thresholds make every conversion (intset → hashtable, listpack →
 * hashtable/skiplist) reachable with a handful of members. Each one is left
 * at the server's default (absent) or lowered; shrinking goes back to absent.
 */
export const sequenceConfigArbitrary: fc.Arbitrary<SequenceConfig> = fc.record(
  {
    'set-max-intset-entries': fc.constantFrom('4', '2'),
    'hash-max-listpack-entries': fc.constantFrom('4', '1'),
    'hash-max-listpack-value': fc.constant('8'),
    'zset-max-listpack-entries': fc.constantFrom('4', '1'),
    'zset-max-listpack-value': fc.constant('8'),
  },
  { requiredKeys: [] },
);

/** Runs one case on both targets from an empty key space and judges the replies. */
export async function runSequence(reference: DifferentialTarget, candidate: DifferentialTarget, testCase: SequenceCase): Promise<SequenceOutcome> {
  const baseMs = await reference.begin(testCase.config, undefined);
  await candidate.begin(testCase.config, baseMs);
  const steps = buildSteps(testCase.operations, baseMs);
  const commands = steps.map((step) => step.argv);
  const real = await reference.run(commands);
  const ours = await candidate.run(commands);
  const executions = orderExecutions(steps, real, ours);
  const mismatch = findFirstMismatch(executions);
  return { testCase, steps, real, ours, executions, mismatch };
}
