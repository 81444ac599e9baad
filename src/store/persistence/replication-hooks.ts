import type { StoreNode } from '../server/node.js';
import { startAppendOnly, stopAppendOnly } from './aof/aof-switch.js';
import { persistenceOf } from './persistence.js';

/**
 * What readSyncBulkPayload does to the AOF of a replica around a full
 * resync: the AOF is stopped before the dataset is replaced, then restarted
 * (a rewrite writes the new dataset as the base). Call `before` prior to
 * loading the snapshot and `after` once it is loaded.
 */
export const fullSyncAofHooks = {
  before(node: StoreNode): boolean {
    const persistence = persistenceOf(node);
    if (persistence === undefined || persistence.aof.state === 'off') return false;
    stopAppendOnly(persistence);
    return true;
  },
  after(node: StoreNode, wasOn: boolean): void {
    const persistence = persistenceOf(node);
    if (persistence !== undefined && wasOn) startAppendOnly(persistence);
  },
};
