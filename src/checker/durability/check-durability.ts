import type { Validity } from '../verdict.js';
import type { DurabilityInput, LostWrite } from './durability-input.js';
import { durabilityRules, type DurabilityRule } from './durability-rule.js';
import { findLostWrites } from './lost-writes.js';

export interface DurabilityResult {
  readonly valid: Validity;
  /** The contract clause applied; null when none governs this persistence configuration yet. */
  readonly rule: string | null;
  readonly statement: string | null;
  readonly acknowledgedWrites: number;
  /** Every acknowledged write the recovered state does not show. */
  readonly lost: readonly LostWrite[];
  /** The lost writes the contract does not allow to lose. */
  readonly lostForbidden: readonly LostWrite[];
}

/** The signature every durability-contract checker keeps (scenarios may pass their own rules). */
export type DurabilityContractChecker = (input: DurabilityInput, rules?: readonly DurabilityRule[]) => DurabilityResult;

/**
 * The durability contract: given the history, the persistence configuration,
 * the injected faults and the state recovered afterwards, were only writes
 * the configuration allows to lose lost? 'unknown' when no rule governs the
 * configuration.
 */
export const checkDurabilityContract: DurabilityContractChecker = (input, rules = durabilityRules) => {
  const { acknowledged, lost } = findLostWrites(input);
  const rule = rules.find((candidate) => candidate.governs(input.persistence));
  if (rule === undefined) {
    return { valid: 'unknown', rule: null, statement: null, acknowledgedWrites: acknowledged, lost, lostForbidden: [] };
  }
  const lostForbidden = lost.filter((write) => !rule.mayLose(write, input));
  return { valid: lostForbidden.length === 0, rule: rule.name, statement: rule.statement, acknowledgedWrites: acknowledged, lost, lostForbidden };
};
