import { arrayItems, bulkBytes } from '../../support/resp-reply.js';
import type { Execution } from './executions.js';
import { compareReplies, flattenPairs, type Difference, type SamplePool } from './reply-comparison.js';
import { lexRangeSource } from './lex-ranges.js';
import { commandName } from './operation.js';
import { ruleFor, type ReplyRule, type RuleContext } from './reply-rules.js';
import { defaultEncodingThresholds } from './target.js';

export interface Mismatch {
  readonly execution: Execution;
  readonly rule: ReplyRule | undefined;
  readonly reason: string;
}

/** Executions grouped by the command they belong to, so a command finds its probes. */
function byOwner(executions: readonly Execution[]): Map<number, Execution[]> {
  const groups = new Map<number, Execution[]>();
  for (const execution of executions) {
    if (execution.phase !== 'direct' && execution.phase !== 'in-exec') continue;
    const group = groups.get(execution.step.owner) ?? [];
    group.push(execution);
    groups.set(execution.step.owner, group);
  }
  return groups;
}

/** OBJECT ENCODING results (the real server's) of the probes run just before the command. */
function probedEncodings(group: readonly Execution[]): Map<string, string> {
  const encodings = new Map<string, string>();
  for (const probe of group) {
    const key = probe.step.argv[2];
    if (probe.step.purpose !== 'encoding-probe' || key === undefined) continue;
    encodings.set(key.toString('latin1'), bulkBytes(probe.real)?.toString('latin1') ?? '');
  }
  return encodings;
}

const probePurposes = new Set(['encoding-probe', 'expiry-probe', 'config-probe', 'size-probe', 'contents-before', 'contents-after', 'resync']);

/** The command a group of executions belongs to (the one step that is not a probe). */
function ownerCommand(group: readonly Execution[]): Execution | undefined {
  return group.find((execution) => !probePurposes.has(execution.step.purpose));
}

/** A lex range over a skiplist whose (real) scores differ: see lex-ranges.ts. */
function isLexRangeUndefined(group: readonly Execution[], encodings: ReadonlyMap<string, string>): boolean {
  const owner = ownerCommand(group);
  const source = owner === undefined ? undefined : lexRangeSource(owner.step.argv);
  if (source === undefined || encodings.get(source.toString('latin1')) !== 'skiplist') return false;
  const contents = group.find((probe) => probe.step.purpose === 'contents-before')?.real;
  const contentItems = contents === undefined ? undefined : arrayItems(contents);
  const items = contentItems === undefined ? undefined : flattenPairs(contentItems);
  const scores = new Set((items ?? []).filter((_, index) => index % 2 === 1).map((item) => item.raw.toString('latin1')));
  return scores.size > 1;
}

/** Probes that read back a state Redis itself leaves open (SPOP's random pick, an undefined lex range) are not compared. */
function isUncomparableReadBack(execution: Execution, group: readonly Execution[], context: RuleContext): boolean {
  const purpose = execution.step.purpose;
  if (purpose !== 'contents-after' && purpose !== 'resync') return false;
  if (context.lexRangeUndefined) return true;
  return purpose === 'contents-after' && commandName(ownerCommand(group)?.step.argv ?? []) === 'spop';
}

/** set-max-intset-entries as the config probe before the command read it (the default if there was none). */
function probedIntsetLimit(group: readonly Execution[]): number {
  const probe = group.find((execution) => execution.step.purpose === 'config-probe');
  const items = probe === undefined ? undefined : arrayItems(probe.real);
  const value = items?.[1] === undefined ? undefined : bulkBytes(items[1]);
  return value === undefined ? Number(defaultEncodingThresholds['set-max-intset-entries']) : Number(value.toString('latin1'));
}

/** SCARD of the first key as probed before the command (0 if there was no probe or it failed). */
function probedFirstSize(group: readonly Execution[]): number {
  const probe = group.find((execution) => execution.step.purpose === 'size-probe');
  return probe?.real.kind === 'integer' ? Number(probe.real.value) : 0;
}

function samplePool(group: readonly Execution[]): SamplePool {
  return {
    before: group.find((probe) => probe.step.purpose === 'contents-before')?.ours,
    after: group.find((probe) => probe.step.purpose === 'contents-after')?.ours,
  };
}

function judgeHeader(execution: Execution): Difference {
  const realItems = arrayItems(execution.real);
  const ourItems = arrayItems(execution.ours);
  if (realItems !== undefined && ourItems !== undefined && realItems.length === ourItems.length) return undefined;
  return execution.real.raw.equals(execution.ours.raw) ? undefined : 'EXEC replied differently';
}

/** Judges every execution in order and returns the first disagreement. */
export function findFirstMismatch(executions: readonly Execution[]): Mismatch | undefined {
  const groups = byOwner(executions);
  for (const execution of executions) {
    if (execution.phase === 'queued') {
      if (!execution.real.raw.equals(execution.ours.raw)) return { execution, rule: { kind: 'exact' }, reason: 'queuing replied differently' };
      continue;
    }
    if (execution.phase === 'exec-header') {
      const difference = judgeHeader(execution);
      if (difference !== undefined) return { execution, rule: undefined, reason: difference };
      continue;
    }
    const group = groups.get(execution.step.owner) ?? [];
    const encodings = probedEncodings(group);
    const context: RuleContext = {
      encodings,
      setMaxIntsetEntries: probedIntsetLimit(group),
      firstSetSize: probedFirstSize(group),
      lexRangeUndefined: isLexRangeUndefined(group, encodings),
    };
    if (isUncomparableReadBack(execution, group, context)) continue;
    const rule = ruleFor(execution.step.argv, execution.real, context);
    const difference = compareReplies(rule, execution.real, execution.ours, samplePool(group));
    if (difference !== undefined) return { execution, rule, reason: difference };
  }
  return undefined;
}
