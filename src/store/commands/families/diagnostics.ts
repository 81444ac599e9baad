import type { CommandSpec } from '../command.js';
import { container, keyless } from '../../server/commands/spec.js';
import { latencyDoctor, latencyGraph, latencyHelp, latencyHistogram, latencyHistory, latencyLatest, latencyReset } from './diagnostics-latency.js';
import { lolwut } from './diagnostics-lolwut.js';
import { monitor } from './diagnostics-monitor.js';
import { slowlogGet, slowlogHelp, slowlogLen, slowlogReset } from './diagnostics-slowlog.js';

const ADMIN_CATEGORIES = ['admin', 'slow', 'dangerous'];

/** SLOWLOG LATENCY MONITOR LOLWUT (slowlog.c, latency.c, replication.c's monitors). */
export const diagnosticCommands: readonly CommandSpec[] = [
  container('slowlog', [
    keyless('slowlog|get', -2, ['admin', 'loading', 'stale'], ADMIN_CATEGORIES, slowlogGet),
    keyless('slowlog|help', 2, ['loading', 'stale'], ['slow'], slowlogHelp),
    keyless('slowlog|len', 2, ['admin', 'loading', 'stale'], ADMIN_CATEGORIES, slowlogLen),
    keyless('slowlog|reset', 2, ['admin', 'loading', 'stale'], ADMIN_CATEGORIES, slowlogReset),
  ]),
  container('latency', [
    keyless('latency|doctor', 2, ['admin', 'noscript', 'loading', 'stale'], ADMIN_CATEGORIES, latencyDoctor),
    keyless('latency|graph', 3, ['admin', 'noscript', 'loading', 'stale'], ADMIN_CATEGORIES, latencyGraph),
    keyless('latency|help', 2, ['loading', 'stale'], ['slow'], latencyHelp),
    keyless('latency|histogram', -2, ['admin', 'noscript', 'loading', 'stale'], ADMIN_CATEGORIES, latencyHistogram),
    keyless('latency|history', 3, ['admin', 'noscript', 'loading', 'stale'], ADMIN_CATEGORIES, latencyHistory),
    keyless('latency|latest', 2, ['admin', 'noscript', 'loading', 'stale'], ADMIN_CATEGORIES, latencyLatest),
    keyless('latency|reset', -2, ['admin', 'noscript', 'loading', 'stale'], ADMIN_CATEGORIES, latencyReset),
  ]),
  keyless('monitor', 1, ['admin', 'noscript', 'loading', 'stale'], ADMIN_CATEGORIES, monitor),
  keyless('lolwut', -1, ['readonly', 'fast'], ['read', 'fast'], lolwut),
];
