import type { Validity } from '../verdict.js';
import type { DurabilityInput, LostWrite } from './durability-input.js';
import { durabilityRules, type DurabilityRule } from './durability-rule.js';
import { findLostWrites } from './lost-writes.js';
import { findPrefixViolations, type PrefixViolation } from './prefix-consistency.js';

/** A lost write and what the contract says about it: the fault that explains it, or null (forbidden). */
export interface LostWriteExplanation {
  readonly opIndex: number;
  readonly key: string;
  readonly explainedBy: string | null;
}

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
  /** Every lost write with the fault that explains it (rules that explain; empty otherwise). */
  readonly explanations?: readonly LostWriteExplanation[];
  /** Recovered states that are not a prefix of the history (or keep half a transaction). */
  readonly prefixViolations?: readonly PrefixViolation[];
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
  const explanations = rule.explain === undefined ? [] : lost.map((write) => ({ opIndex: write.invoke.index, key: write.key, explainedBy: rule.explain?.(write, input) ?? null }));
  const prefixViolations = rule.checksPrefix === true ? findPrefixViolations(input, lost) : [];
  const valid = lostForbidden.length === 0 && prefixViolations.length === 0;
  return { valid, rule: rule.name, statement: rule.statement, acknowledgedWrites: acknowledged, lost, lostForbidden, explanations, prefixViolations };
};
