import type { PersistenceSummary } from '../checker/durability/durability-input.js';
import type { StoreConfig } from '../store/server/config.js';

/** What the durability checker needs of a node's persistence configuration. */
export function persistenceSummaryOf(config: StoreConfig): PersistenceSummary {
  const appendfsync = config.get('appendfsync');
  return {
    appendonly: config.flag('appendonly'),
    appendfsync: appendfsync === 'always' || appendfsync === 'no' ? appendfsync : 'everysec',
    rdbSnapshots: config.get('save').trim() !== '',
  };
}
