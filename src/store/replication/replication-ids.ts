import type { Prng } from '../../core/prng.js';

/** CONFIG_RUN_ID_SIZE: replication ids are 40 hex characters. */
export const REPLICATION_ID_LENGTH = 40;
/** The cleared secondary id (clearReplicationId2). */
export const EMPTY_REPLICATION_ID = '0'.repeat(REPLICATION_ID_LENGTH);

/** changeReplicationId: a fresh random id from the node's own stream. */
export function randomReplicationId(rng: Prng): string {
  let id = '';
  for (let index = 0; index < REPLICATION_ID_LENGTH; index++) id += rng.int(16).toString(16);
  return id;
}
