import { describe, expect, it } from 'vitest';
import type { NotLinearizableResult } from '../../src/checker/linearizability/linearizability-result.js';
import { renderTimelineHtml } from '../../src/scenario/timeline.js';
import { completedClientOps, killScenario, runOf, staleReadScenario } from './timeline/support.js';

function count(html: string, pattern: RegExp): number {
  return [...html.matchAll(pattern)].length;
}

describe('renderTimelineHtml', () => {
  it('draws one bar per completed client op and highlights the linearizability window', () => {
    const output = runOf(staleReadScenario);
    expect(output.result.verdict).toBe('invalid');
    const html = renderTimelineHtml(output);
    expect(count(html, /<rect class="op (ok|fail|info)/g)).toBe(completedClientOps(output.history));
    const result = output.checkResults['linearizable'] as NotLinearizableResult;
    const windowInvocations = new Set(result.window.filter((op) => op.type === 'invoke').map((op) => op.index));
    windowInvocations.add(result.failedOp.invoke.index);
    expect(count(html, /<rect class="[^"]*violating/g)).toBe(windowInvocations.size);
    expect(html).toContain('Violating operations');
  });

  it('shades each fault window and shows each node role over time', () => {
    const output = runOf(killScenario);
    expect(output.faults.filter((fault) => fault.effective)).toHaveLength(2);
    const html = renderTimelineHtml(output);
    expect(count(html, /<rect class="fault-band kind-kill/g)).toBe(2);
    expect(count(html, /<svg class="fault kind-kill/g)).toBe(2);
    expect(count(html, /<svg class="span role-/g)).toBe(output.nodeSpans.filter((span) => span.toUs > span.fromUs).length);
    expect(html).toMatch(/state-dead|role-down/);
    expect(count(html, /<rect class="[^"]*violating/g)).toBeGreaterThan(0);
  });

  it('is one self-contained page: no external resources, script data that cannot close its element', () => {
    const html = renderTimelineHtml(runOf(killScenario));
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/\bsrc=|<link\b|@import|url\(|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    const data = html.slice(html.indexOf('id="timeline-data">') + 'id="timeline-data">'.length, html.indexOf('</script>'));
    const parsed = JSON.parse(data) as { ops: unknown[]; faults: unknown[] };
    expect(parsed.ops).toHaveLength(count(html, /data-id="\d+" *\/>/g));
    expect(parsed.faults).toHaveLength(2);
  });

  it('renders the same page for the same run', () => {
    const output = runOf(staleReadScenario);
    expect(renderTimelineHtml(output)).toBe(renderTimelineHtml(output));
  });
});
