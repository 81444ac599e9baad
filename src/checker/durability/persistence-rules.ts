import type { FaultWindow } from '../fault-window.js';
import type { DurabilityInput, LostWrite, PersistenceSummary } from './durability-input.js';
import type { DurabilityRule } from './durability-rule.js';
import { describeFault, diskFaultExcuse, firstFaultAfter } from './fault-excuses.js';

/**
 * How far before a power loss an everysec write may have been acknowledged
 * and still be lost: the fsync runs at most once a UNIX second (up to 1 s
 * of writes, plus the serverCron tick that triggers it), a write may be
 * postponed up to 2 s while a background fsync is slow, and the fsync itself
 * takes its time. Redis documents "about 2 seconds"; this is that bound plus
 * the cron tick and fsync latency.
 */
export const EVERYSEC_LOSS_WINDOW_US = 2_500_000;

const powerLoss: ReadonlySet<string> = new Set(['power-loss']);
const killOrPowerLoss: ReadonlySet<string> = new Set(['kill', 'crash', 'power-loss']);
const killOnly: ReadonlySet<string> = new Set(['kill', 'crash']);

function within(write: LostWrite, fault: FaultWindow | undefined, windowUs: number): FaultWindow | undefined {
  return fault !== undefined && fault.startUs - write.completion.time <= windowUs ? fault : undefined;
}

function excuse(fault: FaultWindow | undefined): string | undefined {
  return fault === undefined ? undefined : describeFault(fault);
}

/**
 * appendonly yes, appendfsync always: the AOF is written and fsynced in
 * beforeSleep before the replies go out, so nothing acknowledged may be
 * lost to a kill or a power loss, unless an fsync lied or failed (an
 * injected disk fault) while the write was made durable and the power
 * went afterwards.
 */
export const aofAlwaysRule: DurabilityRule = {
  name: 'aof-always',
  statement: 'appendfsync always keeps every acknowledged write through kills and power losses, unless an fsync was lost or failed (injected disk fault) before a power loss',
  governs: (persistence) => persistence.appendonly && persistence.appendfsync === 'always',
  mayLose: (write, input) => aofAlwaysRule.explain?.(write, input) !== undefined,
  explain: (write, input) => excuse(diskFaultExcuse(write, input.faults)),
  checksPrefix: true,
};

/**
 * appendonly yes, appendfsync everysec: a power loss may take the writes
 * acknowledged in its last ~2 s (EVERYSEC_LOSS_WINDOW_US); a kill only the
 * writes whose write(2) was postponed behind a slow background fsync (at
 * most 2 s); and fsync-defeating disk faults excuse more, as under always.
 */
export const aofEverysecRule: DurabilityRule = {
  name: 'aof-everysec',
  statement: 'appendfsync everysec may lose the writes acknowledged in the last ~2 s before a power loss (or postponed up to 2 s before a kill), and no others unless an fsync was lost or failed',
  governs: (persistence) => persistence.appendonly && persistence.appendfsync === 'everysec',
  mayLose: (write, input) => aofEverysecRule.explain?.(write, input) !== undefined,
  explain: (write, input) =>
    excuse(
      within(write, firstFaultAfter(write, input.faults, powerLoss), EVERYSEC_LOSS_WINDOW_US) ??
        within(write, firstFaultAfter(write, input.faults, killOnly), 2_000_000) ??
        diskFaultExcuse(write, input.faults),
    ),
  checksPrefix: true,
};

/**
 * appendonly yes, appendfsync no: the kernel's write-back decides (in the
 * simulator nothing is durable until something fsyncs: a rewrite, the close
 * of an old incr file, a clean shutdown). A kill keeps everything (the page
 * cache survives); a power loss may take anything since the last fsync,
 * but the recovered state must be a prefix of the history.
 */
export const aofNoFsyncRule: DurabilityRule = {
  name: 'aof-no-fsync',
  statement: 'appendfsync no may lose anything acknowledged before a power loss (nothing to a kill), but what survives is a prefix of the history, never half a transaction',
  governs: (persistence) => persistence.appendonly && persistence.appendfsync === 'no',
  mayLose: (write, input) => aofNoFsyncRule.explain?.(write, input) !== undefined,
  explain: (write, input) => excuse(firstFaultAfter(write, input.faults, powerLoss) ?? diskFaultExcuse(write, input.faults)),
  checksPrefix: true,
};

/**
 * RDB snapshots only: a kill or a power loss may take everything since the
 * last completed save; what survives is the snapshot, a prefix of the
 * history.
 */
export const rdbOnlyRule: DurabilityRule = {
  name: 'rdb-only',
  statement: 'with RDB snapshots only, a kill or power loss may lose every write since the last completed save, but what survives is a prefix of the history',
  governs: (persistence: PersistenceSummary) => !persistence.appendonly && persistence.rdbSnapshots,
  mayLose: (write: LostWrite, input: DurabilityInput) => rdbOnlyRule.explain?.(write, input) !== undefined,
  explain: (write, input) => excuse(firstFaultAfter(write, input.faults, killOrPowerLoss)),
  checksPrefix: true,
};

export const persistenceRules: readonly DurabilityRule[] = [aofAlwaysRule, aofEverysecRule, aofNoFsyncRule, rdbOnlyRule];
