/** The reply redis-server 7.0.15 sends a non-loopback client in protected mode, before closing it (networking.c). */
export const PROTECTED_MODE_DENIAL =
  '-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. ' +
  'In this mode connections are only accepted from the loopback interface. ' +
  'If you want to connect from external computers to Redis you may adopt one of the following solutions: ' +
  "1) Just disable protected mode sending the command 'CONFIG SET protected-mode no' from the loopback interface by connecting to Redis from the same host the server is running, " +
  'however MAKE SURE Redis is not publicly accessible from internet if you do so. Use CONFIG REWRITE to make this change permanent. ' +
  "2) Alternatively you can just disable the protected mode by editing the Redis configuration file, and setting the protected mode option to 'no', and then restarting the server. " +
  "3) If you started the server manually just for testing, restart it with the '--protected-mode no' option. " +
  '4) Setup a an authentication password for the default user. ' +
  'NOTE: You only need to do one of the above things in order for the server to start accepting connections from the outside.\r\n';

/** The IP of a `host:port` address (IPv6 hosts contain colons; the port follows the last one). */
export function hostOf(address: string): string {
  const colon = address.lastIndexOf(':');
  return colon === -1 ? address : address.slice(0, colon);
}

/** islocalClient: 127.0.0.1 or ::1 (and 127.0.0.1 seen through a dual-stack socket). */
export function isLoopbackAddress(address: string): boolean {
  const host = hostOf(address);
  return host === '127.0.0.1' || host === '::1' || host === '::ffff:127.0.0.1';
}

/** clientAcceptHandler: with protected-mode on and no password, only loopback clients get in. */
export function isDeniedByProtectedMode(settings: { readonly protectedMode: boolean; readonly password: string }, remoteAddress: string): boolean {
  return settings.protectedMode && settings.password === '' && !isLoopbackAddress(remoteAddress);
}
