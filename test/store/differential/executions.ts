import { arrayItems, type RespReply } from '../../support/resp-reply.js';
import { commandName } from './operation.js';
import type { Step } from './steps.js';

/**
 * One reply to judge. `direct`: a command that ran when sent; `queued`: the
 * acknowledgement (or queue-time error) of a command sent inside MULTI;
 * `exec-header`: an EXEC that ran the queue (its items are judged one by one
 * as `in-exec`, in the order Redis ran them).
 */
export interface Execution {
  readonly stepIndex: number;
  readonly step: Step;
  readonly phase: 'direct' | 'queued' | 'exec-header' | 'in-exec';
  readonly real: RespReply;
  readonly ours: RespReply;
}

interface QueuedStep {
  readonly stepIndex: number;
  readonly step: Step;
}

const isStatus = (reply: RespReply, text: string): boolean => reply.kind === 'status' && reply.text === text;
/** RESP3's null (`_`): an EXEC a touched WATCH aborted, where RESP2 sends a null array. */
const isResp3Null = (reply: RespReply): boolean => reply.kind === 'bulk' && reply.value === null && reply.raw[0] === 0x5f;

/**
 * Lays the replies of both servers out in execution order. Transaction
 * state follows the reference (real) server's replies; where ours answers
 * differently, the mismatch is found when that execution is judged.
 */
export function orderExecutions(steps: readonly Step[], real: readonly RespReply[], ours: readonly RespReply[]): Execution[] {
  const executions: Execution[] = [];
  let queue: QueuedStep[] | undefined;
  steps.forEach((step, stepIndex) => {
    const realReply = real[stepIndex];
    const ourReply = ours[stepIndex];
    if (realReply === undefined || ourReply === undefined) throw new Error(`missing reply for step ${stepIndex}`);
    const name = commandName(step.argv);
    if (queue === undefined) {
      executions.push({ stepIndex, step, phase: 'direct', real: realReply, ours: ourReply });
      if (name === 'multi' && isStatus(realReply, 'OK')) queue = [];
      return;
    }
    if (name === 'exec' && (realReply.kind === 'array' || isResp3Null(realReply) || (realReply.kind === 'error' && realReply.text.startsWith('EXECABORT')))) {
      executions.push({ stepIndex, step, phase: 'exec-header', real: realReply, ours: ourReply });
      executions.push(...executionsInside(queue, realReply, ourReply));
      queue = undefined;
      return;
    }
    executions.push({ stepIndex, step, phase: 'queued', real: realReply, ours: ourReply });
    if ((name === 'discard' && isStatus(realReply, 'OK')) || (name === 'reset' && isStatus(realReply, 'RESET'))) queue = undefined;
    else if (isStatus(realReply, 'QUEUED')) queue.push({ stepIndex, step });
  });
  return executions;
}

function executionsInside(queue: readonly QueuedStep[], real: RespReply, ours: RespReply): Execution[] {
  const realItems = arrayItems(real);
  const ourItems = arrayItems(ours);
  if (realItems === undefined || ourItems === undefined || realItems.length !== queue.length || ourItems.length !== queue.length) return [];
  return queue.map(({ stepIndex, step }, index) => ({
    stepIndex,
    step,
    phase: 'in-exec' as const,
    real: realItems[index] as RespReply,
    ours: ourItems[index] as RespReply,
  }));
}
