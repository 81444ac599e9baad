import type { AppliedFault } from '../../nemesis/applied-fault.js';
import type { RunOutput } from '../run-output.js';
import { seedOutcome } from '../sweep/seed-outcome.js';
import { escapeHtml } from './html-escape.js';
import { reasonsOf } from './timeline-process-rows.js';
import type { TimelineOperation } from './timeline-operations.js';
import { msText } from './timeline-scale.js';
import { valueText } from './value-text.js';
import type { ViolationReasons } from './violating-ops.js';

/** Rows a table shows before it says how many it left out. */
export const TABLE_ROWS_MAX = 500;

function table(headings: readonly string[], rows: readonly string[], total: number): string {
  const more = total > rows.length ? `<p class="note">… and ${total - rows.length} more.</p>` : '';
  return `<table><thead><tr>${headings.map((heading) => `<th>${escapeHtml(heading)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>${more}`;
}

function cell(text: string, className = ''): string {
  return `<td${className === '' ? '' : ` class="${className}"`}>${escapeHtml(text)}</td>`;
}

/** The header: what ran, what it found, how to rerun it. */
export function headerSection(output: RunOutput): string {
  const { result, scenario } = output;
  const outcome = seedOutcome(scenario.expect, { verdict: result.verdict, anomalies: output.anomalies });
  const met = outcome === 'met' || outcome === 'detected';
  const stats = result.stats;
  const facts = [
    `<span><b>verdict</b> <span class="badge ${escapeHtml(result.verdict)}">${escapeHtml(result.verdict)}</span></span>`,
    `<span><b>expected</b> <span class="badge ${met ? 'met' : 'not-met'}">${escapeHtml(result.expected)}${scenario.expect.valid ? '' : ` · ${escapeHtml(scenario.expect.anomaly)}`}</span> ${met ? 'met' : outcome === 'missed' ? 'not detected' : 'not met'}</span>`,
    `<span><b>anomalies</b> ${output.anomalies.length === 0 ? 'none' : escapeHtml(output.anomalies.join(', '))}</span>`,
    `<span><b>ops</b> ${stats.ops} (ok ${stats.ok}, fail ${stats.fail}, info ${stats.info})</span>`,
    `<span><b>simulated</b> ${stats.simulatedMs} ms · ${stats.events} events</span>`,
    `<span><b>trace</b> <code>${escapeHtml(result.traceHash)}</code></span>`,
    `<span><b>replay</b> <code class="command">redsim replay ${escapeHtml(result.scenario)} --seed ${result.seed}</code></span>`,
  ];
  const problems: string[] = [];
  if (output.crash !== null) problems.push(`<div class="problem"><b>crash</b> at ${msText(output.crash.atUs)}: ${escapeHtml(output.crash.name)}: ${escapeHtml(output.crash.message)}</div>`);
  if (output.liveness !== null) problems.push(`<div class="problem"><b>liveness</b> (${escapeHtml(output.liveness.phase)}): ${escapeHtml(output.liveness.reason)}</div>`);
  return [
    `<header><h1>${escapeHtml(result.scenario)} <span class="seed">seed ${result.seed}</span></h1>`,
    `<p class="description">${escapeHtml(scenario.description)}</p>`,
    `<div class="facts">${facts.join('')}</div>${problems.join('')}</header>`,
  ].join('\n');
}

/** The highlighted ops, in history order; a click scrolls the chart to one. */
export function violationsSection(operations: readonly TimelineOperation[], reasons: ViolationReasons): string {
  const flagged = operations.filter((operation) => reasonsOf(operation, reasons).length > 0);
  if (flagged.length === 0) return '';
  const rows = flagged.slice(0, TABLE_ROWS_MAX).map((operation) => {
    const completed = operation.completionValue === null ? '' : ` → ${valueText(operation.completionValue)}`;
    const cells = [
      cell(String(operation.invokeIndex)),
      cell(String(operation.process)),
      cell(`${operation.f}${operation.key === null ? '' : ` ${operation.key}`}`),
      cell(`${valueText(operation.invokeValue)}${completed}`, 'value'),
      cell(operation.outcome),
      cell(`${msText(operation.startUs)} → ${operation.endUs === null ? '…' : msText(operation.endUs)}`),
      cell(reasonsOf(operation, reasons).join('; ')),
    ];
    return `<tr class="violation-row" data-op="${operation.id}">${cells.join('')}</tr>`;
  });
  const headings = ['op', 'process', 'operation', 'value', 'outcome', 'time', 'why'];
  return `<h2 id="violations">Violating operations (${flagged.length})</h2>${table(headings, rows, flagged.length)}`;
}

export function faultsSection(faults: readonly AppliedFault[]): string {
  const rows = faults.slice(0, TABLE_ROWS_MAX).map((fault) => {
    const details = Object.entries(fault.details)
      .map(([name, value]) => `${name}=${String(value)}`)
      .join(' ');
    const end = fault.endUs === null ? 'end of run' : msText(fault.endUs);
    return `<tr>${[cell(String(fault.id)), cell(fault.kind), cell(fault.target), cell(msText(fault.startUs)), cell(end), cell(fault.effective ? 'yes' : 'no'), cell(details, 'value')].join('')}</tr>`;
  });
  const body = faults.length === 0 ? '<p class="note">No faults were applied.</p>' : table(['#', 'kind', 'target', 'start', 'healed', 'effective', 'details'], rows, faults.length);
  return `<h2>Faults (${faults.length})</h2>${body}`;
}

/** Each check's verdict and summary, and the final state of the nodes. */
export function checksSection(output: RunOutput): string {
  const checks = Object.entries(output.result.checks).map(([name, outcome]) => `<tr>${cell(name)}${cell(String(outcome.valid))}<td class="value"><pre>${escapeHtml(JSON.stringify(outcome, null, 1))}</pre></td></tr>`);
  const nodes = output.result.nodes.map((node) => `<tr>${[cell(node.host), cell(node.role), cell(String(node.dbsize)), cell(node.digest, 'value')].join('')}</tr>`);
  return [
    `<h2>Checks</h2>${table(['checker', 'valid', 'evidence'], checks, checks.length)}`,
    `<h2>Nodes at the end</h2>${table(['host', 'role', 'dbsize', 'digest'], nodes, nodes.length)}`,
  ].join('\n');
}
