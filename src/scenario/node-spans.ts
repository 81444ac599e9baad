import type { NodeSpan } from './run-output.js';
import type { Deployment } from './topology/deployment.js';

interface OpenSpan {
  role: string;
  state: string;
  fromUs: number;
}

/** Samples each store host's role and process state; consecutive equal samples merge into one span. */
export class NodeSpanRecorder {
  private readonly open = new Map<string, OpenSpan>();
  private readonly closed: NodeSpan[] = [];

  constructor(private readonly deployment: Deployment) {}

  sample(nowUs: number): void {
    for (const state of this.deployment.roleStates()) {
      const current = this.open.get(state.host);
      if (current !== undefined && current.role === state.role && current.state === state.state) continue;
      if (current !== undefined) this.closed.push({ host: state.host, role: current.role, state: current.state, fromUs: current.fromUs, toUs: nowUs });
      this.open.set(state.host, { role: state.role, state: state.state, fromUs: nowUs });
    }
  }

  /** All spans, the open ones closed at `endUs`, ordered by host then time. */
  spans(endUs: number): NodeSpan[] {
    const all = [...this.closed];
    for (const [host, span] of this.open) all.push({ host, role: span.role, state: span.state, fromUs: span.fromUs, toUs: endUs });
    return all.sort((left, right) => (left.host < right.host ? -1 : left.host > right.host ? 1 : left.fromUs - right.fromUs));
  }
}
