import type { CommandContext, CommandSpec } from '../../commands/command.js';
import type { RedisObject } from '../../keyspace/object.js';
import { estimateIdleTimeMs, lfuDecayedCounter } from '../access-clock.js';
import { serverContext } from '../execution-context.js';
import { container, replyHelp } from './spec.js';

const OBJECT_HELP = [
  'ENCODING <key>',
  '    Return the kind of internal representation used in order to store the value',
  '    associated with a <key>.',
  'FREQ <key>',
  '    Return the access frequency index of the <key>. The returned integer is',
  '    proportional to the logarithm of the recent access frequency of the key.',
  'IDLETIME <key>',
  '    Return the idle time of the <key>, that is the approximated number of',
  '    seconds elapsed since the last access to the key.',
  'REFCOUNT <key>',
  '    Return the number of references of the value associated with the specified',
  '    <key>.',
];

/** OBJ_SHARED_REFCOUNT: the refcount Redis reports for its shared small integers. */
const SHARED_REFCOUNT = 2147483647;
const SHARED_INTEGERS = 10000;

/** objectCommandLookupOrReply: LOOKUP_NOTOUCH; a missing key replies a null bulk. */
function lookupOrReply(ctx: CommandContext): RedisObject | undefined {
  const value = ctx.db.lookupRead(ctx.argv[2] as Buffer, { noTouch: true, noNotify: true });
  if (value === undefined) ctx.reply.nullBulk();
  return value;
}

/** Small non-negative integers are shared objects in Redis (unless maxmemory with an LRU/LFU policy). */
function refcount(ctx: CommandContext, value: RedisObject): number {
  if (value.type !== 'string' || value.encoding() !== 'int') return 1;
  const { node } = serverContext(ctx);
  const policy = node.config.get('maxmemory-policy');
  if (node.config.integer('maxmemory') > 0 && (policy.endsWith('-lru') || policy.endsWith('-lfu'))) return 1;
  const number = Number(value.bytes().toString('latin1'));
  return number >= 0 && number < SHARED_INTEGERS ? SHARED_REFCOUNT : 1;
}

const KEYSPACE_READ = ['keyspace', 'read', 'slow'];

function objectSubcommand(name: string, handler: (ctx: CommandContext, value: RedisObject) => void): CommandSpec {
  return {
    name: `object|${name}`,
    arity: 3,
    flags: ['readonly'],
    categories: KEYSPACE_READ,
    firstKey: 2,
    lastKey: 2,
    keyStep: 1,
    handler: (ctx) => {
      const value = lookupOrReply(ctx);
      if (value !== undefined) handler(ctx, value);
    },
  };
}

export const objectCommand: CommandSpec = container('object', [
  objectSubcommand('encoding', (ctx, value) => ctx.reply.bulk(value.encoding())),
  objectSubcommand('refcount', (ctx, value) => ctx.reply.integer(refcount(ctx, value))),
  objectSubcommand('idletime', (ctx) => {
    const { node } = serverContext(ctx);
    if (node.accessPolicy().lfu) {
      ctx.reply.error('ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.');
      return;
    }
    const access = node.database(serverContext(ctx).clientState.dbIndex).accessField(ctx.argv[2] as Buffer) ?? 0;
    ctx.reply.integer(Math.floor(estimateIdleTimeMs(access, ctx.nowMs) / 1000));
  }),
  objectSubcommand('freq', (ctx) => {
    const { node } = serverContext(ctx);
    const policy = node.accessPolicy();
    if (!policy.lfu) {
      ctx.reply.error('ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.');
      return;
    }
    const access = node.database(serverContext(ctx).clientState.dbIndex).accessField(ctx.argv[2] as Buffer) ?? 0;
    ctx.reply.integer(lfuDecayedCounter(access, ctx.nowMs, policy.decayTimeMinutes));
  }),
  { name: 'object|help', arity: 2, flags: ['loading', 'stale'], categories: ['keyspace', 'slow'], firstKey: 0, lastKey: 0, keyStep: 0, handler: (ctx) => replyHelp(ctx, 'OBJECT', OBJECT_HELP) },
], ['slow']);
