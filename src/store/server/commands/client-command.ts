import type { CommandContext, CommandSpec } from '../../commands/command.js';
import { errors } from '../../commands/errors.js';
import { parseStrictInteger } from '../../protocol/integer-text.js';
import type { Client } from '../client.js';
import { clientInfoString, clientType, clientTypeByName, type ClientType } from '../client-info.js';
import { unblockClient } from '../blocked-clients.js';
import { freeClient } from '../event-loop.js';
import { clientPauseOf, existingClientPause, type PauseType } from '../client-pause.js';
import { serverContext } from '../execution-context.js';
import { argIs, argText, container, keyless, replyHelp, replySubcommandSyntaxError } from './spec.js';

const CLIENT_HELP = [
  'CACHING (YES|NO)',
  '    Enable/disable tracking of the keys for next command in OPTIN/OPTOUT modes.',
  'GETREDIR',
  '    Return the client ID we are redirecting to when tracking is enabled.',
  'GETNAME',
  '    Return the name of the current connection.',
  'ID',
  '    Return the ID of the current connection.',
  'INFO',
  '    Return information about the current client connection.',
  'KILL <ip:port>',
  '    Kill connection made from <ip:port>.',
  'KILL <option> <value> [<option> <value> [...]]',
  '    Kill connections. Options are:',
  '    * ADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made from the specified address',
  '    * LADDR (<ip:port>|<unixsocket>:0)',
  '      Kill connections made to specified local address',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Kill connections by type.',
  '    * USER <username>',
  '      Kill connections authenticated by <username>.',
  '    * SKIPME (YES|NO)',
  '      Skip killing current connection (default: yes).',
  'LIST [options ...]',
  '    Return information about client connections. Options:',
  '    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)',
  '      Return clients of specified type.',
  'UNPAUSE',
  '    Stop the current client pause, resuming traffic.',
  'PAUSE <timeout> [WRITE|ALL]',
  '    Suspend all, or just write, clients for <timeout> milliseconds.',
  'REPLY (ON|OFF|SKIP)',
  '    Control the replies sent to the current connection.',
  'SETNAME <name>',
  '    Assign the name <name> to the current connection.',
  'UNBLOCK <clientid> [TIMEOUT|ERROR]',
  '    Unblock the specified blocked client.',
  'TRACKING (ON|OFF) [REDIRECT <id>] [BCAST] [PREFIX <prefix> [...]]',
  '         [OPTIN] [OPTOUT] [NOLOOP]',
  '    Control server assisted client side caching.',
  'TRACKINGINFO',
  '    Report tracking status for the current connection.',
  'NO-EVICT (ON|OFF)',
  '    Protect current client connection from eviction.',
];

function clientList(ctx: CommandContext): void {
  const { node } = serverContext(ctx);
  let selected: Client[] = Array.from(node.clients.values());
  if (ctx.argv.length === 4 && argIs(ctx, 2, 'type')) {
    const type = clientTypeByName(argText(ctx, 3));
    if (type === undefined) {
      ctx.reply.error(`ERR Unknown client type '${argText(ctx, 3)}'`);
      return;
    }
    selected = selected.filter((client) => clientType(client) === type);
  } else if (ctx.argv.length > 3 && argIs(ctx, 2, 'id')) {
    selected = [];
    for (const argument of ctx.argv.slice(3)) {
      const id = parseStrictInteger(argument);
      if (id === undefined) {
        ctx.reply.error('ERR Invalid client ID');
        return;
      }
      const client = node.clients.get(Number(id));
      if (client !== undefined) selected.push(client);
    }
  } else if (ctx.argv.length !== 2) {
    ctx.reply.error(errors.syntax);
    return;
  }
  ctx.reply.verbatim(selected.map((client) => `${clientInfoString(node, client)}\n`).join(''), 'txt');
}

function clientSetName(ctx: CommandContext): void {
  const name = ctx.argv[2] as Buffer;
  for (const byte of name) {
    if (byte < 0x21 || byte > 0x7e) {
      ctx.reply.error('ERR Client names cannot contain spaces, newlines or special characters.');
      return;
    }
  }
  serverContext(ctx).clientState.name = name.toString('latin1');
  ctx.reply.ok();
}

function clientGetName(ctx: CommandContext): void {
  const name = serverContext(ctx).clientState.name;
  ctx.reply.bulk(name === '' ? null : Buffer.from(name, 'latin1'));
}

interface KillFilter {
  addr?: string;
  laddr?: string;
  type?: ClientType;
  id?: number;
  skipMe: boolean;
}

/** Parses CLIENT KILL's new-style options; replies and returns undefined on an error. */
function killFilter(ctx: CommandContext): KillFilter | undefined {
  if (ctx.argv.length === 3) return { addr: argText(ctx, 2), skipMe: false };
  const filter: KillFilter = { skipMe: true };
  for (let index = 2; index < ctx.argv.length; index += 2) {
    const hasValue = index + 1 < ctx.argv.length;
    const value = hasValue ? argText(ctx, index + 1) : '';
    if (argIs(ctx, index, 'id') && hasValue) {
      const id = parseStrictInteger(ctx.argv[index + 1] as Buffer);
      if (id === undefined || id < 1n) {
        ctx.reply.error('ERR client-id should be greater than 0');
        return undefined;
      }
      filter.id = Number(id);
    } else if (argIs(ctx, index, 'type') && hasValue) {
      const type = clientTypeByName(value);
      if (type === undefined) {
        ctx.reply.error(`ERR Unknown client type '${value}'`);
        return undefined;
      }
      filter.type = type;
    } else if (argIs(ctx, index, 'addr') && hasValue) {
      filter.addr = value;
    } else if (argIs(ctx, index, 'laddr') && hasValue) {
      filter.laddr = value;
    } else if (argIs(ctx, index, 'user') && hasValue) {
      if (value !== 'default') {
        ctx.reply.error(`ERR No such user '${value}'`);
        return undefined;
      }
    } else if (argIs(ctx, index, 'skipme') && hasValue && (value.toLowerCase() === 'yes' || value.toLowerCase() === 'no')) {
      filter.skipMe = value.toLowerCase() === 'yes';
    } else {
      ctx.reply.error(errors.syntax);
      return undefined;
    }
  }
  return filter;
}

function clientKill(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  const filter = killFilter(ctx);
  if (filter === undefined) return;
  let killed = 0;
  let killSelf = false;
  for (const client of Array.from(node.clients.values())) {
    if (filter.addr !== undefined && client.transport.remoteAddress !== filter.addr) continue;
    if (filter.laddr !== undefined && client.transport.localAddress !== filter.laddr) continue;
    if (filter.type !== undefined && clientType(client) !== filter.type) continue;
    if (filter.id !== undefined && client.id !== filter.id) continue;
    if (client === clientState && filter.skipMe) continue;
    if (client === clientState) killSelf = true;
    else freeClient(node, client);
    killed++;
  }
  if (ctx.argv.length === 3) {
    if (killed === 0) ctx.reply.error('ERR No such client');
    else ctx.reply.ok();
  } else {
    ctx.reply.integer(killed);
  }
  if (killSelf) clientState.closeAfterReply = true;
}

function clientNoEvict(ctx: CommandContext): void {
  const { clientState } = serverContext(ctx);
  if (argIs(ctx, 2, 'on')) clientState.noEvict = true;
  else if (argIs(ctx, 2, 'off')) clientState.noEvict = false;
  else {
    ctx.reply.error(errors.syntax);
    return;
  }
  ctx.reply.ok();
}

/** CLIENT REPLY ON|OFF|SKIP: only ON answers (with the client's replies switched back on). */
function clientReply(ctx: CommandContext): void {
  const { clientState } = serverContext(ctx);
  if (argIs(ctx, 2, 'on')) {
    clientState.replyOff = false;
    clientState.replySkip = false;
    clientState.replySkipNext = false;
    clientState.reply.muted = clientState.kind === 'master' || clientState.kind === 'loader';
    ctx.reply.ok();
  } else if (argIs(ctx, 2, 'off')) {
    clientState.replyOff = true;
  } else if (argIs(ctx, 2, 'skip')) {
    if (!clientState.replyOff) clientState.replySkipNext = true;
  } else {
    ctx.reply.error(errors.syntax);
  }
}

/** CLIENT UNBLOCK id [TIMEOUT|ERROR]: a client blocked on keys answers as on timeout, or with -UNBLOCKED. */
function clientUnblock(ctx: CommandContext): void {
  if (ctx.argv.length > 4) {
    replySubcommandSyntaxError(ctx);
    return;
  }
  const withError = ctx.argv.length === 4 && argIs(ctx, 3, 'error');
  if (ctx.argv.length === 4 && !withError && !argIs(ctx, 3, 'timeout')) {
    ctx.reply.error('ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR');
    return;
  }
  const id = parseStrictInteger(ctx.argv[2] as Buffer);
  if (id === undefined) {
    ctx.reply.error(errors.notInteger);
    return;
  }
  const { node } = serverContext(ctx);
  const target = id > BigInt(Number.MAX_SAFE_INTEGER) || id < 0n ? undefined : node.clients.get(Number(id));
  const blocked = target?.blocked;
  if (target === undefined || blocked === undefined || target.closed) {
    ctx.reply.integer(0);
    return;
  }
  if (withError) target.reply.error('-UNBLOCKED client unblocked via CLIENT UNBLOCK');
  else if (blocked.options.onTimeout !== undefined) blocked.options.onTimeout(target.reply);
  else target.reply.nullArray();
  unblockClient(node, target);
  ctx.reply.integer(1);
}

/** CLIENT PAUSE timeout [WRITE|ALL]: pauses by the command's purpose until now + timeout ms. */
function clientPause(ctx: CommandContext): void {
  if (ctx.argv.length > 4) {
    replySubcommandSyntaxError(ctx);
    return;
  }
  let type: PauseType = 'all';
  if (ctx.argv.length === 4) {
    if (argIs(ctx, 3, 'write')) type = 'write';
    else if (!argIs(ctx, 3, 'all')) {
      ctx.reply.error('ERR CLIENT PAUSE mode must be WRITE or ALL');
      return;
    }
  }
  const { node } = serverContext(ctx);
  const endMs = pauseEndMs(ctx, node.env.clock.nowMs());
  if (endMs === undefined) return;
  clientPauseOf(node).pause('client-command', endMs, type);
  ctx.reply.ok();
}

/** getTimeoutFromObjectOrReply in milliseconds: 0 stays 0 (a pause already over), else now + timeout. */
function pauseEndMs(ctx: CommandContext, nowMs: number): number | undefined {
  const timeout = parseStrictInteger(ctx.argv[2] as Buffer);
  if (timeout === undefined) {
    ctx.reply.error('ERR timeout is not an integer or out of range');
    return undefined;
  }
  if (timeout < 0n) {
    ctx.reply.error('ERR timeout is negative');
    return undefined;
  }
  if (timeout === 0n) return 0;
  const end = timeout + BigInt(nowMs);
  // mstime() + timeout past LLONG_MAX wraps negative in C: a pause that already ended.
  return end > INT64_MAX ? -1 : Number(end);
}

function clientUnpause(ctx: CommandContext): void {
  existingClientPause(serverContext(ctx).node)?.unpause('client-command');
  ctx.reply.ok();
}

const INT64_MAX = 9_223_372_036_854_775_807n;
const FLAGS = ['noscript', 'loading', 'stale'] as const;
const ADMIN_FLAGS = ['admin', 'noscript', 'loading', 'stale'] as const;

export const clientCommand: CommandSpec = container('client', [
  keyless('client|id', 2, FLAGS, ['slow', 'connection'], (ctx) => ctx.reply.integer(serverContext(ctx).clientState.id)),
  keyless('client|info', 2, FLAGS, ['slow', 'connection'], (ctx) => {
    const { node, clientState } = serverContext(ctx);
    ctx.reply.verbatim(`${clientInfoString(node, clientState)}\n`, 'txt');
  }),
  keyless('client|list', -2, ADMIN_FLAGS, ['admin', 'slow', 'dangerous', 'connection'], clientList),
  keyless('client|setname', 3, FLAGS, ['slow', 'connection'], clientSetName),
  keyless('client|getname', 2, FLAGS, ['slow', 'connection'], clientGetName),
  keyless('client|kill', -3, ADMIN_FLAGS, ['admin', 'slow', 'dangerous', 'connection'], clientKill),
  keyless('client|no-evict', 3, ADMIN_FLAGS, ['admin', 'slow', 'dangerous', 'connection'], clientNoEvict),
  keyless('client|reply', 3, FLAGS, ['slow', 'connection'], clientReply),
  keyless('client|pause', -3, ['admin', 'noscript', 'loading', 'stale'], ['admin', 'slow', 'dangerous', 'connection'], clientPause),
  keyless('client|unpause', 2, ['admin', 'noscript', 'loading', 'stale'], ['admin', 'slow', 'dangerous', 'connection'], clientUnpause),
  keyless('client|unblock', -3, ADMIN_FLAGS, ['admin', 'slow', 'dangerous', 'connection'], clientUnblock),
  keyless('client|help', 2, ['loading', 'stale'], ['slow', 'connection'], (ctx) => replyHelp(ctx, 'CLIENT', CLIENT_HELP)),
]);
