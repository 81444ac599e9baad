import { commandBatchFinished, commandBatchStarting } from './command-observers.js';
import { outputBufferLimits, type ClientClass } from './config-special.js';
import { rememberArgumentText } from '../keyspace/argument-text.js';
import type { Client } from './client.js';
import { clientInputLimitsOf, type ClientInputLimits } from './client-input-limits.js';
import { timeOutExpiredBlockedClients } from './blocked-clients.js';
import { processCommandWithReplyMode } from './dispatch.js';
import { existingClientPause } from './client-pause.js';
import type { StoreNode } from './node.js';

/** How many leading arguments' texts are handed on (argument-text.ts remembers four). */
const ARGUMENT_TEXTS_REMEMBERED = 4;

/**
 * The read side of Redis's event loop (networking.c readQueryFromClient +
 * processInputBuffer): buffer the bytes, enforce client-query-buffer-limit,
 * then parse and execute every complete command. Replies wait in the
 * client's buffer until beforeSleep.
 */
export function handleClientData(node: StoreNode, client: Client, data: Uint8Array): void {
  if (client.closed) return;
  node.stats.netInputBytes += data.length;
  node.stats.readsProcessed++;
  client.lastInteractionMs = node.env.clock.nowMs();
  client.parser.append(data);
  const limits = clientInputLimitsOf(node.config);
  if (client.kind === 'normal' && client.parser.pendingBytes() > limits.queryBufferLimitBytes) {
    node.env.log('warning', `Closing client that reached max query buffer length: id=${client.id}`);
    // Nothing of the read is kept: the transport may reuse its buffer.
    client.parser.clear();
    freeClient(node, client);
    return;
  }
  processInputBufferWithin(node, client, limits);
  node.scheduleBeforeSleep();
}

/** Executes the complete commands in the client's query buffer. */
export function processInputBuffer(node: StoreNode, client: Client): void {
  processInputBufferWithin(node, client, clientInputLimitsOf(node.config));
}

function processInputBufferWithin(node: StoreNode, client: Client, limits: ClientInputLimits): void {
  commandBatchStarting(node);
  try {
    runBufferedCommands(node, client, limits);
  } finally {
    commandBatchFinished(node);
  }
}

function runBufferedCommands(node: StoreNode, client: Client, limits: ClientInputLimits): void {
  const trusted = client.kind === 'master' || client.kind === 'loader';
  const parser = client.parser;
  while (!client.closed && client.blocked === undefined && !client.closeAfterReply && !client.closeAsap) {
    // Read per command: one may change what the policy depends on (AUTH, CONFIG SET).
    const policy = limits.policy(trusted, !client.authenticated && limits.passwordSet);
    const request = parser.next(policy);
    if (request === undefined) break;
    if (request.kind === 'empty') continue;
    if (request.kind === 'protocolError') {
      client.reply.error(request.message);
      client.closeAfterReply = true;
      parser.clear();
      node.env.log('verbose', `Protocol error (${request.message}) from client: id=${client.id}`);
      return;
    }
    client.currentArgvBytes = parser.commandArgvBytes();
    rememberArgumentTexts(parser, request.argv);
    processCommandWithReplyMode(node, client, request.argv);
    client.currentArgvBytes = 0;
  }
  parser.compact();
}

/** Hands the parser's interned argument texts to the keyspace and the command lookup (no decoding again). */
function rememberArgumentTexts(parser: Client['parser'], argv: readonly Buffer[]): void {
  const count = Math.min(argv.length, ARGUMENT_TEXTS_REMEMBERED);
  for (let index = 0; index < count; index++) {
    const text = parser.argumentText(index);
    if (text !== undefined) rememberArgumentText(index, argv[index] as Buffer, text);
  }
}

/** authRequired(c): a password is set and this connection has not authenticated. */
export function isAuthRequired(node: StoreNode, client: Client): boolean {
  return !client.authenticated && node.config.get('requirepass') !== '';
}

/**
 * beforeSleep: process input of clients unblocked during this iteration, run
 * a fast expire cycle, run the registered hooks (the AOF flush and fsync),
 * and only then write the replies and close the clients that asked for it.
 */
export function beforeSleep(node: StoreNode): void {
  node.beforeSleepScheduled = false;
  timeOutExpiredBlockedClients(node);
  processUnblockedClients(node);
  if (!node.isReplica) node.activeExpire.runFastCycle();
  // Keys signalled ready outside a command (a stream deleted by active expiry) are served before the AOF flush, as Redis's beforeSleep does.
  if (node.blocking.hasReadyKeys()) node.handleClientsBlockedOnKeys();
  for (const hook of node.beforeSleepHooks) hook();
  writeReplies(node);
}

function processUnblockedClients(node: StoreNode): void {
  for (let round = 0; node.unblockedClients.length > 0; round++) {
    const clients = node.unblockedClients;
    node.unblockedClients = [];
    for (const client of clients) {
      if (client.closed || client.blocked !== undefined) continue;
      // A client the pause postponed runs its command again first (processPendingCommandAndInputBuffer).
      const resume = existingClientPause(node)?.takeResume(client);
      if (resume !== undefined) resume();
      if (!client.closed && client.blocked === undefined) processInputBuffer(node, client);
    }
    if (round > node.clients.size + 1) break;
  }
}

/**
 * handleClientsWithPendingWrites: one transport write per client with all
 * its replies of this iteration, then the close-after-reply and output
 * buffer limit checks. (Iterating the Map while freeClient deletes from it
 * is safe: deleted entries are skipped, the others still visited.)
 */
function writeReplies(node: StoreNode): void {
  const nowMs = node.env.clock.nowMs();
  for (const client of node.clients.values()) {
    if (client.closeAsap) {
      freeClient(node, client);
      continue;
    }
    if (client.reply.hasPendingBytes()) {
      const bytes = client.reply.takeBytes();
      node.stats.netOutputBytes += bytes.length;
      node.stats.writesProcessed++;
      client.lastInteractionMs = nowMs;
      client.transport.write(bytes);
    }
    if (client.closeAfterReply) {
      freeClient(node, client);
      continue;
    }
    if (overOutputBufferLimit(node, client, nowMs)) {
      node.env.log('warning', `Client id=${client.id} scheduled to be closed ASAP for overcoming of output buffer limits.`);
      freeClient(node, client);
    }
  }
}

/** checkClientOutputBufferLimits over what the transport has not sent yet. */
function overOutputBufferLimit(node: StoreNode, client: Client, nowMs: number): boolean {
  const used = client.transport.pendingBytes();
  if (used === 0) {
    // Under every limit (a limit of 0 is no limit): only the soft-limit timer resets.
    client.softLimitSinceMs = 0;
    return false;
  }
  const clientClass: ClientClass = client.kind === 'replica' ? 'slave' : client.inPubSub ? 'pubsub' : 'normal';
  const limit = outputBufferLimits(node.config.get('client-output-buffer-limit'))[clientClass];
  if (limit.hardBytes > 0 && used >= limit.hardBytes) return true;
  if (limit.softBytes > 0 && used >= limit.softBytes) {
    if (client.softLimitSinceMs === 0) {
      client.softLimitSinceMs = nowMs;
      return false;
    }
    return nowMs - client.softLimitSinceMs > limit.softSeconds * 1000;
  }
  client.softLimitSinceMs = 0;
  return false;
}

/** freeClient: forget every registration, then close the transport. */
export function freeClient(node: StoreNode, client: Client): void {
  if (client.closed) return;
  client.closed = true;
  if (client.blocked !== undefined) node.unblockClient(client);
  node.watches.unwatchAll(client);
  for (const channel of Array.from(client.channels)) node.pubsub.unsubscribe(client, channel);
  for (const pattern of Array.from(client.patterns)) node.pubsub.punsubscribe(client, pattern);
  for (const channel of Array.from(client.shardChannels)) node.pubsub.sunsubscribe(client, channel);
  client.multi = undefined;
  node.clients.delete(client.id);
  client.transport.close();
}

/**
 * clientsCronHandleTimeout: with `timeout` set, close normal clients idle for
 * longer (not blocked, subscribed, master or replica links).
 */
export function closeIdleClients(node: StoreNode): void {
  const timeoutSeconds = node.config.integer('timeout');
  if (timeoutSeconds <= 0) return;
  const nowSeconds = Math.floor(node.env.clock.nowMs() / 1000);
  for (const client of Array.from(node.clients.values())) {
    if (client.kind !== 'normal' || client.blocked !== undefined || client.inPubSub) continue;
    if (nowSeconds - Math.floor(client.lastInteractionMs / 1000) > timeoutSeconds) {
      node.env.log('verbose', `Closing idle client id=${client.id}`);
      freeClient(node, client);
    }
  }
}
