import type { DiskFaultKind } from '../sim/disk/disk-faults.js';
import type { SimHost } from '../sim/sim-host.js';
import type { FaultContext, FaultEffect } from './fault-effect.js';
import type { DiskFaultName } from './fault-spec.js';

const simDiskFaultOf: Readonly<Record<DiskFaultName, DiskFaultKind>> = {
  'fsync-eio': 'fsyncFails',
  'fsync-loss': 'fsyncLies',
  'write-eio': 'writeFails',
  enospc: 'noSpace',
  'corrupt-read': 'readCorrupt',
};

/**
 * A disk fault on the host for the window (fsync EIO dropping dirty pages,
 * fsync that lies, write EIO, ENOSPC past the current usage, bit-flipped
 * reads). It is switched on for `durationMs`; the heal clears it early if
 * the heal phase comes first.
 */
export function applyDiskFault(host: SimHost, fault: DiskFaultName, durationMs: number, context: FaultContext): FaultEffect {
  const kind = simDiskFaultOf[fault];
  host.disk.injectFault({ kind, durationMs });
  return {
    target: host.name,
    effective: true,
    details: { fault, simKind: kind, usedBytes: host.disk.usedBytes },
    instant: false,
    heal: () => {
      if (!context.otherActiveOn(`disk:${kind}`, host.name)) host.disk.clearFaults(kind);
    },
  };
}

export function diskFamilyOf(fault: DiskFaultName): `disk:${DiskFaultKind}` {
  return `disk:${simDiskFaultOf[fault]}`;
}
