import { type CheckResult, evidenceField } from './run-checks.js';

function countOf(result: CheckResult, field: string): number {
  const value = evidenceField(result, field);
  return typeof value === 'number' ? value : 0;
}

function setAnomalies(result: CheckResult): string[] {
  const found: string[] = [];
  if (countOf(result, 'lostCount') > 0) found.push('lost-writes');
  if (countOf(result, 'phantomCount') > 0) found.push('phantom');
  if (countOf(result, 'failedButPresentCount') > 0) found.push('failed-but-present');
  return found;
}

/** `lost-writes`, plus `half-transaction` when the recovered state holds part of a MULTI/EXEC. */
function durabilityAnomalies(result: CheckResult): string[] {
  const violations = evidenceField(result, 'prefixViolations');
  const halfTransaction = Array.isArray(violations) && violations.some((violation: unknown) => typeof violation === 'object' && violation !== null && (violation as { kind?: unknown }).kind === 'half-transaction');
  return halfTransaction ? ['half-transaction', 'lost-writes'] : ['lost-writes'];
}

/**
 * The anomaly names a failed check stands for (what `expect.anomaly`
 * names): `not-linearizable`, `lost-writes`, `half-transaction`, `phantom`, the list-append
 * anomaly types, `divergence`.
 */
export function anomaliesOf(checker: string, result: CheckResult): string[] {
  if (result.valid !== false) return [];
  switch (checker) {
    case 'linearizable':
      return ['not-linearizable'];
    case 'set':
      return setAnomalies(result);
    case 'list-append': {
      const counts = evidenceField(result, 'anomalyCounts');
      return typeof counts === 'object' && counts !== null ? Object.keys(counts).sort() : ['list-append'];
    }
    case 'durability':
      return durabilityAnomalies(result);
    case 'convergence':
      return ['divergence'];
    default:
      return [checker];
  }
}

/** Every anomaly the checks found, sorted, without repeats. */
export function anomaliesOfChecks(results: Readonly<Record<string, CheckResult>>): string[] {
  const found = new Set<string>();
  for (const [checker, result] of Object.entries(results)) for (const anomaly of anomaliesOf(checker, result)) found.add(anomaly);
  return [...found].sort();
}

/** Every anomaly name a scenario may expect. */
export const knownAnomalies: readonly string[] = [
  'not-linearizable',
  'lost-writes',
  'half-transaction',
  'phantom',
  'failed-but-present',
  'divergence',
  'duplicate-elements',
  'phantom-element',
  'failed-append-visible',
  'incompatible-order',
  'stale-read',
  'lost-append',
  'non-monotonic-read',
  'real-time-order',
  'future-read',
];
