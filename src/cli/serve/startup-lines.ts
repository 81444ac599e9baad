import { REDIS_VERSION } from '../../store/server/version.js';

/** What redis-server logs (as role C) before the configuration is loaded. */
export function startingLines(pid: number, redsimVersion: string): string[] {
  return [
    'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
    `Redis version=${REDIS_VERSION}, bits=64, commit=00000000, modified=0, pid=${pid}, just started`,
    `redsim ${redsimVersion}: a Redis ${REDIS_VERSION}-compatible store running on Node.js ${process.version} (not redis-server)`,
  ];
}

/** The listen failure lines of redis-server (listenToPort). */
export function listenFailureLines(address: string, port: number, reason: string): string[] {
  return [`Warning: Could not create server TCP listening socket ${address}:${port}: bind: ${reason}`, `Failed listening on port ${port} (TCP), aborting.`];
}

const LISTEN_REASONS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'Address already in use',
};

/** strerror text of a listen error (EnvError message is `CODE: detail`). */
export function listenFailureReason(message: string): string {
  const code = message.split(':')[0] ?? '';
  if (LISTEN_REASONS[code] !== undefined) return LISTEN_REASONS[code];
  if (message.includes('EADDRNOTAVAIL')) return 'Cannot assign requested address';
  if (message.includes('EACCES')) return 'Permission denied';
  return message;
}
