/**
 * Scenarios and runs: the scenario contract, validation and the registry,
 * the runner (phases, checks, verdict) and the report builders. The CLI,
 * sweep, replay, shrink and the timeline call in through here.
 */
export * from './scenario.js';
export type { Verdict, CheckOutcome, NodeSummary, RunStats, RunResult } from './run-result.js';
export type { RunOptions, RunOutput, PhaseTimes, NodeSpan, CrashReport, LivenessFailure } from './run-output.js';
export { runScenario } from './runner.js';
export { validateScenario } from './validate.js';
export { ScenarioRegistry, scenarioFromModule, type LoadedScenarioModule, type ScenarioListing } from './registry.js';
export { buildReportFiles, reportDirectoryOf } from './report/build-report-files.js';
export { exitCodeOfVerdict } from './exit-code.js';
export { anomaliesOfChecks, knownAnomalies } from './checks/anomalies.js';
export type { CheckResult } from './checks/run-checks.js';
