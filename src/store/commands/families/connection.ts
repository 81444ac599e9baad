import type { CommandContext, CommandSpec } from '../command.js';
import { errors } from '../errors.js';
import { clientCommand } from '../../server/commands/client-command.js';
import { boundedIntegerArgument, integerArgument } from '../../server/commands/integer-arguments.js';
import { argIs, argText, keyless } from '../../server/commands/spec.js';
import { discardTransaction } from '../../server/dispatch.js';
import { serverContext } from '../../server/execution-context.js';
import { unsubscribeAll } from '../../server/commands/pubsub-commands.js';
import { REDIS_VERSION } from '../../server/version.js';

const INT_MAX = 2147483647;
const INT_MIN = -2147483648;

function ping(ctx: CommandContext): void {
  if (ctx.argv.length > 2) {
    ctx.reply.error("ERR wrong number of arguments for 'ping' command");
    return;
  }
  const { clientState } = serverContext(ctx);
  if (clientState.inPubSub && clientState.protocol === 2) {
    ctx.reply.arrayHeader(2);
    ctx.reply.bulk('pong');
    ctx.reply.bulk(ctx.argv.length === 1 ? '' : (ctx.argv[1] as Buffer));
    return;
  }
  if (ctx.argv.length === 1) ctx.reply.status('PONG');
  else ctx.reply.bulk(ctx.argv[1] as Buffer);
}

function select(ctx: CommandContext): void {
  const index = boundedIntegerArgument(ctx, 1, INT_MIN, INT_MAX);
  if (index === undefined) return;
  const { node, clientState } = serverContext(ctx);
  if (node.config.flag('cluster-enabled') && index !== 0) {
    ctx.reply.error('ERR SELECT is not allowed in cluster mode');
    return;
  }
  if (index < 0 || index >= node.databaseCount()) {
    ctx.reply.error(errors.dbIndexOutOfRange);
    return;
  }
  clientState.dbIndex = index;
  ctx.reply.ok();
}

function quit(ctx: CommandContext): void {
  ctx.reply.ok();
  serverContext(ctx).clientState.closeAfterReply = true;
}

/** RESET: clearClientConnectionState. */
function reset(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  discardTransaction(node, clientState);
  clientState.dbIndex = 0;
  unsubscribeAll(node, clientState, false);
  clientState.name = '';
  clientState.noEvict = false;
  clientState.protocol = 2;
  clientState.authenticated = node.config.get('requirepass') === '';
  ctx.reply.status('RESET');
}

/** ACLAuthenticateUser for the default user only (no ACL users in this store). */
function authenticate(ctx: CommandContext, username: Buffer, password: Buffer): boolean {
  const { node, clientState } = serverContext(ctx);
  if (username.toString('latin1') !== 'default') return false;
  const required = node.config.get('requirepass');
  if (required !== '' && password.toString('latin1') !== required) return false;
  clientState.authenticated = true;
  return true;
}

function auth(ctx: CommandContext): void {
  if (ctx.argv.length > 3) {
    ctx.reply.error(errors.syntax);
    return;
  }
  const { node } = serverContext(ctx);
  if (ctx.argv.length === 2 && node.config.get('requirepass') === '') {
    ctx.reply.error('ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?');
    return;
  }
  const username = ctx.argv.length === 2 ? Buffer.from('default') : (ctx.argv[1] as Buffer);
  const password = ctx.argv[ctx.argv.length - 1] as Buffer;
  if (authenticate(ctx, username, password)) ctx.reply.ok();
  else ctx.reply.error('-WRONGPASS invalid username-password pair or user is disabled.');
}

function hello(ctx: CommandContext): void {
  const { node, clientState } = serverContext(ctx);
  let next = 1;
  let protocolVersion: 2 | 3 | undefined;
  if (ctx.argv.length >= 2) {
    // Any long long is a version; only 2 and 3 are spoken.
    const version = integerArgument(ctx, next++, 'ERR Protocol version is not an integer or out of range');
    if (version === undefined) return;
    if (version !== 2n && version !== 3n) {
      ctx.reply.error('-NOPROTO unsupported protocol version');
      return;
    }
    protocolVersion = version === 2n ? 2 : 3;
  }
  for (let index = next; index < ctx.argv.length; index++) {
    const moreArgs = ctx.argv.length - 1 - index;
    if (argIs(ctx, index, 'AUTH') && moreArgs >= 2) {
      if (!authenticate(ctx, ctx.argv[index + 1] as Buffer, ctx.argv[index + 2] as Buffer)) {
        ctx.reply.error('-WRONGPASS invalid username-password pair or user is disabled.');
        return;
      }
      index += 2;
    } else if (argIs(ctx, index, 'SETNAME') && moreArgs >= 1) {
      const name = ctx.argv[index + 1] as Buffer;
      if (!isValidClientName(name)) {
        ctx.reply.error('ERR Client names cannot contain spaces, newlines or special characters.');
        return;
      }
      clientState.name = name.toString('latin1');
      index++;
    } else {
      ctx.reply.error(`ERR Syntax error in HELLO option '${argText(ctx, index)}'`);
      return;
    }
  }
  if (!clientState.authenticated) {
    ctx.reply.error('-NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time');
    return;
  }
  if (protocolVersion !== undefined) clientState.protocol = protocolVersion;
  ctx.reply.mapHeader(7);
  ctx.reply.bulk('server');
  ctx.reply.bulk('redis');
  ctx.reply.bulk('version');
  ctx.reply.bulk(REDIS_VERSION);
  ctx.reply.bulk('proto');
  ctx.reply.integer(clientState.protocol);
  ctx.reply.bulk('id');
  ctx.reply.integer(clientState.id);
  ctx.reply.bulk('mode');
  ctx.reply.bulk(node.config.flag('cluster-enabled') ? 'cluster' : 'standalone');
  ctx.reply.bulk('role');
  ctx.reply.bulk(node.isReplica ? 'replica' : 'master');
  ctx.reply.bulk('modules');
  ctx.reply.arrayHeader(0);
}


/** clientSetName's rule: printable ASCII without spaces. */
export function isValidClientName(name: Buffer): boolean {
  for (const byte of name) {
    if (byte < 0x21 || byte > 0x7e) return false;
  }
  return true;
}

export const connectionCommands: readonly CommandSpec[] = [
  keyless('ping', -1, ['fast'], ['fast', 'connection'], ping),
  keyless('echo', 2, ['loading', 'stale', 'fast'], ['fast', 'connection'], (ctx) => ctx.reply.bulk(ctx.argv[1] as Buffer)),
  keyless('select', 2, ['loading', 'stale', 'fast'], ['fast', 'connection'], select),
  keyless('quit', -1, ['allow_busy', 'noscript', 'loading', 'stale', 'fast', 'no_auth'], ['fast', 'connection'], quit),
  keyless('reset', 1, ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'], ['fast', 'connection'], reset),
  keyless('hello', -1, ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'], ['fast', 'connection'], hello),
  keyless('auth', -2, ['noscript', 'loading', 'stale', 'fast', 'no_auth', 'allow_busy'], ['fast', 'connection'], auth),
  clientCommand,
];
