import type { MasterInstance } from './instances.js';
import type { Sentinel } from './sentinel.js';

/**
 * sentinelVoteLeader: in an epoch newer than our last vote, vote for the
 * candidate (first come, first served); returns our vote for this master.
 */
export function voteLeader(sentinel: Sentinel, master: MasterInstance, candidate: string, epoch: number): { readonly leader: string | undefined; readonly epoch: number } {
  if (epoch > sentinel.currentEpoch) {
    sentinel.currentEpoch = epoch;
    sentinel.log(`+new-epoch ${epoch}`);
  }
  if (master.leaderEpoch < epoch && sentinel.currentEpoch <= epoch) {
    master.leader = candidate;
    master.leaderEpoch = sentinel.currentEpoch;
    sentinel.log(`+vote-for-leader ${candidate} ${master.leaderEpoch}`);
    // A sentinel that voted for another does not start its own failover for a while.
    if (candidate !== sentinel.runId) master.failoverStartTimeMs = sentinel.nowMs() + sentinel.rng.int(1000);
  }
  return { leader: master.leader, epoch: master.leaderEpoch };
}

/**
 * sentinelGetLeader: count the votes the other sentinels reported for this
 * epoch plus our own (for the winner so far, else for ourselves); a leader
 * needs a majority of all known sentinels and at least the quorum.
 */
export function electedLeader(sentinel: Sentinel, master: MasterInstance, epoch: number): string | undefined {
  const votes = new Map<string, number>();
  const voters = master.sentinels.size + 1;
  for (const peer of master.sentinels.values()) {
    if (peer.leader !== undefined && peer.leaderEpoch === sentinel.currentEpoch) votes.set(peer.leader, (votes.get(peer.leader) ?? 0) + 1);
  }
  let winner: string | undefined;
  let winnerVotes = 0;
  for (const [candidate, count] of [...votes].sort((left, right) => (left[0] < right[0] ? -1 : 1))) {
    if (count > winnerVotes) {
      winner = candidate;
      winnerVotes = count;
    }
  }
  const mine = voteLeader(sentinel, master, winner ?? sentinel.runId, epoch);
  if (mine.leader !== undefined && mine.epoch === epoch) votes.set(mine.leader, (votes.get(mine.leader) ?? 0) + 1);
  winner = undefined;
  winnerVotes = 0;
  for (const [candidate, count] of [...votes].sort((left, right) => (left[0] < right[0] ? -1 : 1))) {
    if (count > winnerVotes) {
      winner = candidate;
      winnerVotes = count;
    }
  }
  const needed = Math.max(master.quorum, Math.floor(voters / 2) + 1);
  return winner !== undefined && winnerVotes >= needed ? winner : undefined;
}
