import { assert } from '../../core/assert.js';
import type { Prng } from '../../core/prng.js';

/**
 * How a partition cuts the network, as plain data. Random shapes draw their
 * sides from the network's partition stream, so they replay with the seed.
 * - `isolate`: the host can neither send to nor receive from anyone.
 * - `halves`: a random minority (⌊n/2⌋ hosts) against the majority.
 * - `bridge`: two random halves that cannot talk, and one bridge host that
 *   talks to both (Jepsen's bridge).
 * - `ring`: hosts on a random ring; each talks only to its ring neighbours
 *   within a reach that makes a majority (Jepsen's majorities ring).
 * - `oneWay`: traffic from each `from` host to each `to` host is blocked,
 *   the reverse direction flows.
 * - `groups`: hosts in different groups cannot talk; unlisted hosts are not cut.
 * - `links`: exactly these directed links.
 */
export type PartitionShape =
  | { readonly kind: 'isolate'; readonly host: string }
  | { readonly kind: 'halves' }
  | { readonly kind: 'bridge' }
  | { readonly kind: 'ring' }
  | { readonly kind: 'oneWay'; readonly from: readonly string[]; readonly to: readonly string[] }
  | { readonly kind: 'groups'; readonly groups: readonly (readonly string[])[] }
  | { readonly kind: 'links'; readonly links: readonly (readonly [string, string])[] };

/** A directed link between host indexes: traffic from `[0]` to `[1]`. */
export type LinkIndexes = readonly [number, number];

/** The directed links a shape blocks, over hosts `0..hostNames.length-1`. */
export function linksOfShape(shape: PartitionShape, hostNames: readonly string[], prng: Prng): LinkIndexes[] {
  const indexOf = (name: string): number => {
    const index = hostNames.indexOf(name);
    assert(index >= 0, `a partition names known hosts (unknown: ${name})`);
    return index;
  };
  const allIndexes = hostNames.map((_, index) => index);
  switch (shape.kind) {
    case 'isolate':
      return linksBetweenSides([indexOf(shape.host)], allIndexes);
    case 'halves':
      return halvesLinks(allIndexes, prng);
    case 'bridge':
      return bridgeLinks(allIndexes, prng);
    case 'ring':
      return ringLinks(allIndexes, prng);
    case 'oneWay':
      return oneWayLinks(shape.from.map(indexOf), shape.to.map(indexOf));
    case 'groups':
      return groupLinks(shape.groups.map((group) => group.map(indexOf)));
    case 'links':
      return shape.links.map(([from, to]) => [indexOf(from), indexOf(to)] as const).filter(([from, to]) => from !== to);
  }
}

/** Both directions of every link between a host of `side` and a host outside it. */
function linksBetweenSides(side: readonly number[], all: readonly number[]): LinkIndexes[] {
  const inSide = new Set(side);
  const links: LinkIndexes[] = [];
  for (const inner of side) {
    for (const outer of all) {
      if (inSide.has(outer)) continue;
      links.push([inner, outer], [outer, inner]);
    }
  }
  return links;
}

function halvesLinks(all: readonly number[], prng: Prng): LinkIndexes[] {
  const shuffled = prng.shuffled(all);
  const minority = shuffled.slice(0, Math.floor(all.length / 2));
  return linksBetweenSides(minority, all);
}

function bridgeLinks(all: readonly number[], prng: Prng): LinkIndexes[] {
  const shuffled = prng.shuffled(all);
  const others = shuffled.slice(1);
  const leftSize = Math.floor(others.length / 2);
  const left = others.slice(0, leftSize);
  const right = others.slice(leftSize);
  return groupLinks([left, right]);
}

function ringLinks(all: readonly number[], prng: Prng): LinkIndexes[] {
  const ring = prng.shuffled(all);
  const count = ring.length;
  const reach = Math.max(1, Math.ceil(Math.floor(count / 2) / 2));
  const links: LinkIndexes[] = [];
  for (let left = 0; left < count; left++) {
    for (let right = 0; right < count; right++) {
      const distance = Math.abs(left - right);
      const ringDistance = Math.min(distance, count - distance);
      if (ringDistance > reach) links.push([ring[left] as number, ring[right] as number]);
    }
  }
  return links;
}

function oneWayLinks(from: readonly number[], to: readonly number[]): LinkIndexes[] {
  const links: LinkIndexes[] = [];
  for (const source of from) {
    for (const target of to) {
      if (source !== target) links.push([source, target]);
    }
  }
  return links;
}

function groupLinks(groups: readonly (readonly number[])[]): LinkIndexes[] {
  const links: LinkIndexes[] = [];
  groups.forEach((group, groupIndex) => {
    groups.forEach((other, otherIndex) => {
      if (otherIndex !== groupIndex) links.push(...oneWayLinks(group, other));
    });
  });
  return links;
}
