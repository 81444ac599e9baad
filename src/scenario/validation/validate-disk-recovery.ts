import type { FieldChecks } from './field-checks.js';

const powerLossWeightFields = ['lose', 'keepPrefix', 'tornSectors', 'garble'] as const;
const powerLossFields = [...powerLossWeightFields, 'directoryCommitProbability'];
/** Defaults of src/sim/disk/power-loss-policy.ts, to tell whether a partial policy leaves any weight positive. */
const defaultWeights: Readonly<Record<(typeof powerLossWeightFields)[number], number>> = { lose: 1, keepPrefix: 1, tornSectors: 1, garble: 0 };

/** `disk: { powerLoss: { lose, keepPrefix, tornSectors, garble, directoryCommitProbability } }`, every field optional. */
export function validateDisk(checks: FieldChecks, value: unknown): void {
  if (value === undefined) return;
  const disk = checks.object(value, 'disk');
  checks.onlyKnownFields(disk, ['powerLoss'], 'disk');
  if (disk['powerLoss'] === undefined) return;
  const policy = checks.object(disk['powerLoss'], 'disk.powerLoss');
  checks.onlyKnownFields(policy, powerLossFields, 'disk.powerLoss');
  let total = 0;
  for (const name of powerLossWeightFields) {
    const weight = policy[name] === undefined ? defaultWeights[name] : checks.nonNegativeNumber(policy[name], `disk.powerLoss.${name}`);
    total += weight;
  }
  if (total <= 0) checks.fail('disk.powerLoss', `needs a positive weight among ${powerLossWeightFields.join(', ')}`);
  if (policy['directoryCommitProbability'] !== undefined) checks.fraction(policy['directoryCommitProbability'], 'disk.powerLoss.directoryCommitProbability');
}

/** `recovery: { onAofLoadError: 'none' | 'check-aof-fix' | 'planted-keep-half-multi', repairDelayMs? }`. */
export function validateRecovery(checks: FieldChecks, value: unknown, config: unknown): void {
  if (value === undefined) return;
  const recovery = checks.object(value, 'recovery');
  checks.onlyKnownFields(recovery, ['onAofLoadError', 'repairDelayMs'], 'recovery');
  const action = checks.oneOf(recovery['onAofLoadError'], ['none', 'check-aof-fix', 'planted-keep-half-multi'], 'recovery.onAofLoadError');
  if (recovery['repairDelayMs'] !== undefined) checks.nonNegativeNumber(recovery['repairDelayMs'], 'recovery.repairDelayMs');
  const appendonly = typeof config === 'object' && config !== null ? (config as Record<string, unknown>)['appendonly'] : undefined;
  if (action !== 'none' && appendonly !== 'yes') checks.fail('recovery.onAofLoadError', `${action} repairs an AOF: it needs config.appendonly: "yes"`);
}

/** `expect.startRefusals`: none (default), allowed or required. */
export function validateStartRefusals(checks: FieldChecks, value: unknown): void {
  if (value === undefined) return;
  checks.oneOf(value, ['none', 'allowed', 'required'], 'expect.startRefusals');
}
