import { formatReply } from '../../support/resp-format.js';
import { arrayItems, type RespReply } from '../../support/resp-reply.js';
import type { DifferentialTarget, SequenceConfig } from '../differential/target.js';

/**
 * How a reply is compared: byte for byte, or (hashtable order) as a
 * multiset of items / of field-value pairs, or as a SCAN reply whose
 * cursor is exact and whose page is a multiset of pairs.
 */
export type Comparison = 'exact' | 'unordered' | 'unorderedPairs' | 'scanPairs';

/** A command of a script; `compare` defaults to exact. */
export interface ScriptStep {
  readonly argv: readonly string[];
  readonly compare?: Comparison;
}

export const step = (...argv: string[]): ScriptStep => ({ argv });
export const unordered = (...argv: string[]): ScriptStep => ({ argv, compare: 'unordered' });
export const unorderedPairs = (...argv: string[]): ScriptStep => ({ argv, compare: 'unorderedPairs' });
export const scanPairs = (...argv: string[]): ScriptStep => ({ argv, compare: 'scanPairs' });

function sortedKeys(reply: RespReply, width: 1 | 2): string[] | undefined {
  const items = arrayItems(reply);
  if (items === undefined) return undefined;
  const raws = items.map((item) => item.raw.toString('latin1'));
  const groups: string[] = [];
  for (let index = 0; index < raws.length; index += width) groups.push(raws.slice(index, index + width).join(''));
  return groups.sort();
}

function sameScanReply(reference: RespReply, candidate: RespReply): boolean {
  const [referenceCursor, referencePage] = arrayItems(reference) ?? [];
  const [candidateCursor, candidatePage] = arrayItems(candidate) ?? [];
  if (referenceCursor === undefined || referencePage === undefined || candidateCursor === undefined || candidatePage === undefined) return reference.raw.equals(candidate.raw);
  return referenceCursor.raw.equals(candidateCursor.raw) && sameReply(referencePage, candidatePage, 'unorderedPairs');
}

function sameReply(reference: RespReply, candidate: RespReply, compare: Comparison): boolean {
  if (compare === 'exact' || reference.kind !== 'array' || candidate.kind !== 'array') return reference.raw.equals(candidate.raw);
  if (compare === 'scanPairs') return sameScanReply(reference, candidate);
  const width = compare === 'unorderedPairs' ? 2 : 1;
  return JSON.stringify(sortedKeys(reference, width)) === JSON.stringify(sortedKeys(candidate, width));
}

/**
 * Runs one script on a fresh, identically configured reference and
 * candidate and returns one line per reply that differs (none: they agree).
 */
export async function scriptDifferences(
  reference: DifferentialTarget,
  candidate: DifferentialTarget,
  script: readonly ScriptStep[],
  config: SequenceConfig = {},
): Promise<string[]> {
  const clockMs = await reference.begin(config, undefined);
  await candidate.begin(config, clockMs);
  const commands = script.map((entry) => entry.argv.map((argument) => Buffer.from(argument, 'latin1')));
  const [expected, actual] = [await reference.run(commands), await candidate.run(commands)];
  const differences: string[] = [];
  script.forEach((entry, index) => {
    const want = expected[index];
    const got = actual[index];
    if (want === undefined || got === undefined) {
      differences.push(`#${index + 1} ${entry.argv.join(' ')}: missing reply`);
      return;
    }
    if (!sameReply(want, got, entry.compare ?? 'exact')) differences.push(`#${index + 1} ${entry.argv.join(' ')}: ${reference.label} ${formatReply(want)} / ${candidate.label} ${formatReply(got)}`);
  });
  return differences;
}
