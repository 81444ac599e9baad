import type { RecoveryRecord } from '../recovery/start-refusal.js';
import { escapeHtml } from './html-escape.js';
import { msText } from './timeline-scale.js';

function row(cells: readonly string[]): string {
  return `<tr>${cells.map((text, index) => `<td${index === cells.length - 1 ? ' class="value"' : ''}>${escapeHtml(text)}</td>`).join('')}</tr>`;
}

function table(headings: readonly string[], rows: readonly string[]): string {
  return `<table><thead><tr>${headings.map((heading) => `<th>${escapeHtml(heading)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Refused starts (host, time, Redis's line), the operator's repairs and tails cut at load; nothing when there were none. */
export function recoverySection(recovery: RecoveryRecord): string {
  const loads = recovery.truncatedLoads.map((load) => row([load.host, msText(load.atUs), String(load.incarnation), load.message]));
  const loadsTable = loads.length === 0 ? '' : `<h2>AOF tails cut at load (${loads.length})</h2>${table(['host', 'time', 'incarnation', 'Redis log'], loads)}`;
  if (recovery.startRefusals.length === 0 && recovery.repairs.length === 0) return loadsTable;
  const refusals = recovery.startRefusals.map((refusal) => row([refusal.host, msText(refusal.atUs), String(refusal.incarnation), refusal.cause, refusal.message]));
  const repairs = recovery.repairs.map((repair) => {
    const cut = repair.file === null ? '' : `${repair.file}: ${repair.fromBytes} → ${repair.toBytes} bytes`;
    return row([repair.host, msText(repair.atUs), repair.outcome, cut, [repair.command, ...repair.output].join('\n')]);
  });
  const dropped = recovery.startRefusalsDropped > 0 ? `<p class="note">… and ${recovery.startRefusalsDropped} more refusals.</p>` : '';
  return [
    `<h2 id="start-refusals">Refused starts (${recovery.startRefusals.length + recovery.startRefusalsDropped})</h2>${table(['host', 'time', 'incarnation', 'cause', 'Redis log'], refusals)}${dropped}`,
    `<h2>Operator repairs (${recovery.repairs.length})</h2>${table(['host', 'time', 'outcome', 'cut', 'tool output'], repairs)}`,
    loadsTable,
  ].join('\n');
}
