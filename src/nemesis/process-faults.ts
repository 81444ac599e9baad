import type { SimHost } from '../sim/sim-host.js';
import { type FaultContext, type FaultEffect, noEffect } from './fault-effect.js';

/** Starts the host's process again from its disk unless another kill or power loss still holds it down. */
function restartUnlessHeld(host: SimHost, context: FaultContext): void {
  if (context.otherActiveOn('process-down', host.name)) return;
  if (!host.isUp) host.restart();
}

/** SIGKILL: the process dies, the page cache survives; the heal restarts it. */
export function applyKill(host: SimHost, context: FaultContext): FaultEffect {
  const killed = host.kill();
  return {
    target: host.name,
    effective: killed,
    details: { incarnation: host.incarnation },
    instant: false,
    heal: () => restartUnlessHeld(host, context),
  };
}

/** The power goes: the process dies and unsynced data goes as the power-loss policy says; the heal restarts it. */
export function applyPowerLoss(host: SimHost, context: FaultContext): FaultEffect {
  const wasUp = host.isUp;
  const report = host.powerLoss();
  const torn = report.files.filter((file) => file.resultBytes !== file.cachedBytes).length;
  return {
    target: host.name,
    effective: true,
    details: { wasUp, files: report.files.length, filesChanged: torn, directoriesCommitted: report.directoriesCommitted.length },
    instant: false,
    heal: () => restartUnlessHeld(host, context),
  };
}

/** SIGSTOP (or a long GC): events wait until the heal resumes it. */
export function applyPause(host: SimHost, context: FaultContext): FaultEffect {
  if (host.state === 'paused') return { ...noEffect(host.name, 'already paused'), instant: false, heal: () => resumeUnlessHeld(host, context) };
  const paused = host.pause();
  if (!paused) return noEffect(host.name, `process ${host.state}`);
  return { target: host.name, effective: true, details: {}, instant: false, heal: () => resumeUnlessHeld(host, context) };
}

function resumeUnlessHeld(host: SimHost, context: FaultContext): void {
  if (context.otherActiveOn('pause', host.name)) return;
  host.resume();
}
