import type { RunOutput } from '../scenario/run-output.js';

function checksLine(output: RunOutput): string {
  const parts = Object.entries(output.result.checks).map(([name, outcome]) => `${name} ${outcome.valid === true ? 'valid' : outcome.valid === false ? 'INVALID' : 'unknown'}`);
  return parts.length === 0 ? 'none ran' : parts.join('; ');
}

/** The human summary `redsim run` prints: verdict, seed and trace hash, counts, checks, nodes, report. */
export function formatRunSummary(output: RunOutput): string {
  const { result } = output;
  const { stats } = result;
  const lines = [
    `${result.scenario}  seed ${result.seed}  verdict ${result.verdict} (expected ${result.expected})`,
    `  trace ${result.traceHash}  events ${stats.events}  simulated ${(stats.simulatedMs / 1000).toFixed(1)} s  wall ${stats.wallMs} ms`,
    `  ops ${stats.ops}: ok ${stats.ok}, fail ${stats.fail}, info ${stats.info}   faults ${output.faults.length}${output.swarmDraw === null ? '' : ` (swarm kinds: ${output.swarmDraw.kinds.join(', ')})`}`,
    `  checks: ${checksLine(output)}`,
  ];
  if (output.anomalies.length > 0) lines.push(`  anomalies: ${output.anomalies.join(', ')}`);
  if (output.liveness !== null) lines.push(`  liveness failure (${output.liveness.phase}): ${output.liveness.reason}`);
  for (const refusal of result.startRefusals ?? []) lines.push(`  refused start: ${refusal.host} at ${refusal.atUs} µs (${refusal.cause}): ${refusal.message}`);
  for (const repair of result.repairs ?? []) lines.push(`  repair: ${repair.host} at ${repair.atUs} µs ${repair.outcome}${repair.file === null ? '' : ` ${repair.file}`}${repair.fromBytes === null || repair.toBytes === null ? '' : ` ${repair.fromBytes} -> ${repair.toBytes} bytes`}`);
  for (const load of result.aofTruncatedLoads ?? []) lines.push(`  truncated AOF loaded: ${load.host} at ${load.atUs} µs`);
  if (output.crash !== null) lines.push(`  CRASH at ${output.crash.atUs} µs: ${output.crash.name}: ${output.crash.message}`);
  for (const node of result.nodes) lines.push(`  node ${node.host} ${node.role} dbsize ${node.dbsize} digest ${node.digest || '-'}`);
  if (result.reportDir !== null) lines.push(`  report: ${result.reportDir}`);
  return `${lines.join('\n')}\n`;
}
