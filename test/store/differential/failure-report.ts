import { formatCommand, formatReply } from '../../support/resp-format.js';
import type { RespReply } from '../../support/resp-reply.js';
import { formatOperation } from './operation.js';
import type { SequenceOutcome } from './run-sequence.js';
import type { Step } from './steps.js';

const replyWidthMax = 600;

function shortReply(reply: RespReply | undefined): string {
  if (reply === undefined) return '(none)';
  const text = formatReply(reply);
  return text.length <= replyWidthMax ? text : `${text.slice(0, replyWidthMax)}... (${reply.raw.length} bytes)`;
}

function describeStep(step: Step): string {
  switch (step.purpose) {
    case 'command':
      return `command #${(step.operationIndex ?? 0) + 1}`;
    case 'closing-exec':
      return 'the EXEC that closes an open transaction';
    case 'final-check':
      return 'final read-back of the key space';
    default:
      return `${step.purpose} (added by the harness)`;
  }
}

/** The transcript of every step up to (and including) the one that differed. */
function transcript(outcome: SequenceOutcome, lastStep: number): string[] {
  const lines: string[] = [];
  for (let index = 0; index <= lastStep; index++) {
    const step = outcome.steps[index] as Step;
    const marker = step.purpose === 'command' ? `#${(step.operationIndex ?? 0) + 1}` : `(${step.purpose})`;
    lines.push(`  ${marker} > ${formatCommand(step.argv)}`);
    const real = outcome.real[index];
    const ours = outcome.ours[index];
    if (real !== undefined && ours !== undefined && real.raw.equals(ours.raw)) lines.push(`      both: ${shortReply(real)}`);
    else lines.push(`      real: ${shortReply(real)}`, `      ours: ${shortReply(ours)}`);
  }
  return lines;
}

/** A human-readable account of the first difference of a sequence. */
export function formatMismatch(outcome: SequenceOutcome, labels: { readonly reference: string; readonly candidate: string }): string {
  const mismatch = outcome.mismatch;
  if (mismatch === undefined) return 'no difference';
  const { execution } = mismatch;
  const position = outcome.executions.indexOf(execution);
  const lastStep = Math.max(...outcome.executions.slice(0, position + 1).map((item) => item.stepIndex));
  const config = Object.entries(outcome.testCase.config).map(([name, value]) => `${name}=${value}`).join(' ');
  return [
    `${labels.candidate} and ${labels.reference} disagree (${mismatch.reason}).`,
    `Config: ${config === '' ? 'defaults' : config}`,
    `Generated commands (${outcome.testCase.operations.length}):`,
    ...outcome.testCase.operations.map((op, index) => `  #${index + 1} ${formatOperation(op)}`),
    `First difference, at ${describeStep(execution.step)}${execution.phase === 'in-exec' ? ' (run by EXEC)' : ''}:`,
    `  > ${formatCommand(execution.step.argv)}`,
    `  ${labels.reference}: ${shortReply(execution.real)}`,
    `  ${labels.candidate}: ${shortReply(execution.ours)}`,
    `  compared as: ${mismatch.rule === undefined ? 'EXEC header' : JSON.stringify(mismatch.rule, (_, value: unknown) => (typeof value === 'bigint' ? String(value) : value))}`,
    'Transcript (generated commands, harness probes, replies):',
    ...transcript(outcome, lastStep),
  ].join('\n');
}
