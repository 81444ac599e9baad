import type { Client } from './client.js';
import type { StoreNode } from './node.js';

/** getClientType: master, replica, pubsub or normal. */
export type ClientType = 'normal' | 'slave' | 'pubsub' | 'master';

export function clientType(client: Client): ClientType {
  if (client.kind === 'master') return 'master';
  if (client.kind === 'replica') return 'slave';
  if (client.inPubSub) return 'pubsub';
  return 'normal';
}

export function clientTypeByName(name: string): ClientType | undefined {
  switch (name.toLowerCase()) {
    case 'normal':
      return 'normal';
    case 'slave':
    case 'replica':
      return 'slave';
    case 'pubsub':
      return 'pubsub';
    case 'master':
      return 'master';
    default:
      return undefined;
  }
}

function flagsOf(node: StoreNode, client: Client): string {
  let flags = '';
  if (client.kind === 'replica') flags += 'S';
  if (client.kind === 'master') flags += 'M';
  if (client.inPubSub) flags += 'P';
  if (client.inMulti) flags += 'x';
  if (client.blocked !== undefined) flags += 'b';
  if (client.watchDirty) flags += 'd';
  if (client.closeAfterReply) flags += 'c';
  if (node.unblockedClients.includes(client)) flags += 'u';
  if (client.closeAsap) flags += 'A';
  if (client.noEvict) flags += 'e';
  return flags === '' ? 'N' : flags;
}

/** The query buffer's allocation after a 16 KiB read (sdsalloc in CLIENT LIST). */
const QUERY_BUFFER_ALLOCATION_BYTES = 20474;
/** tot-mem of an idle client with a shrunk 1 KiB reply buffer, and of the one running CLIENT LIST. */
const IDLE_CLIENT_MEMORY_BYTES = 22328;
const RUNNING_CLIENT_MEMORY_BYTES = 37648;

/**
 * catClientInfoString (networking.c) in 7.0.15's field order. The memory
 * fields are modelled on what 7.0.15 reports for the common cases (an idle
 * client whose reply buffer clientsCron shrank to 1 KiB, and the client
 * running the command with a 16 KiB buffer); fd is the lowest free
 * descriptor from 7, as the kernel hands them out.
 */
export function clientInfoString(node: StoreNode, client: Client): string {
  const nowSeconds = Math.floor(node.env.clock.nowMs() / 1000);
  const running = node.currentClient === client;
  const queryBytes = client.parser.bufferedBytes();
  const queryFree = Math.max(0, QUERY_BUFFER_ALLOCATION_BYTES - queryBytes);
  const argvBytes = client.currentArgvBytes;
  const multiBytes = (client.multi ?? []).reduce((sum, queued) => sum + queued.argv.reduce((size, argument) => size + argument.length, 0) + 8 * queued.argv.length, 0);
  const outputBytes = client.transport.pendingBytes();
  const replyBufferBytes = running ? 16384 : 1024;
  const totalMemory = (running ? RUNNING_CLIENT_MEMORY_BYTES : IDLE_CLIENT_MEMORY_BYTES) + argvBytes + multiBytes + outputBytes;
  const fields = [
    `id=${client.id}`,
    `addr=${client.transport.remoteAddress}`,
    `laddr=${client.transport.localAddress}`,
    `fd=${client.fd}`,
    `name=${client.name}`,
    `age=${nowSeconds - Math.floor(client.createdAtMs / 1000)}`,
    `idle=${nowSeconds - Math.floor(client.lastInteractionMs / 1000)}`,
    `flags=${flagsOf(node, client)}`,
    `db=${client.dbIndex}`,
    `sub=${client.channels.size}`,
    `psub=${client.patterns.size}`,
    `ssub=${client.shardChannels.size}`,
    `multi=${client.multi === undefined ? -1 : client.multi.length}`,
    `qbuf=${queryBytes}`,
    `qbuf-free=${queryFree}`,
    `argv-mem=${argvBytes}`,
    `multi-mem=${multiBytes}`,
    `rbs=${replyBufferBytes}`,
    `rbp=${running ? replyBufferBytes : 0}`,
    'obl=0',
    'oll=0',
    `omem=${outputBytes}`,
    `tot-mem=${totalMemory}`,
    'events=r',
    `cmd=${client.lastCommandName}`,
    'user=default',
    'redir=-1',
    `resp=${client.protocol}`,
  ];
  return fields.join(' ');
}
