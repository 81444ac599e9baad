import { bulkBytes, type RespReply } from '../../support/resp-reply.js';
import { lexRangeSource } from './lex-ranges.js';
import { commandName } from './operation.js';

/**
 * How two replies to the same command must agree.
 *  - exact: byte for byte.
 *  - unordered: the same multiset of items (groups of 2: field/value pairs).
 *  - scan: a cursor and a page; a compact encoding (listpack, intset) is
 *    answered whole and exactly, a hashtable by the hash seed's order, so
 *    only "finished or not" and, when finished, the set of items count.
 *  - near: an integer within a tolerance (TTLs: the real server's clock moves).
 *  - same-kind: only the reply type (OBJECT IDLETIME; the whole COMMAND table;
 *    a lex range Redis leaves undefined, see lex-ranges.ts).
 *  - sample: a random pick from the collection read just before it
 *    (SRANDMEMBER, SPOP, HRANDFIELD, ZRANDMEMBER, RANDOMKEY).
 *  - hello: HELLO's map, byte for byte except the client id's value.
 */
export type ReplyRule =
  | { readonly kind: 'exact' }
  | { readonly kind: 'unordered'; readonly groupSize: 1 | 2 }
  | { readonly kind: 'scan'; readonly groupSize: 1 | 2; readonly compact: boolean }
  | { readonly kind: 'near'; readonly tolerance: bigint }
  | { readonly kind: 'same-kind' }
  | { readonly kind: 'sample'; readonly sample: SampleShape }
  | { readonly kind: 'hello' };

export interface SampleShape {
  /** No count argument: one bulk (or nil) instead of an array. */
  readonly single: boolean;
  /** A non-negative count: the items are distinct. */
  readonly distinct: boolean;
  /** Items per pick in the reply: 2 for WITHVALUES / WITHSCORES. */
  readonly replyGroupSize: 1 | 2;
  /** Items per entry in the collection probe (HGETALL and ZRANGE WITHSCORES give pairs). */
  readonly poolGroupSize: 1 | 2;
  /** SPOP: the members also leave the set. */
  readonly removes: boolean;
}

/** What the classification needs to know about the moment the command ran. */
export interface RuleContext {
  /** OBJECT ENCODING of each key the command reads, probed just before it (as text; '' for a missing key). */
  readonly encodings: ReadonlyMap<string, string>;
  /** set-max-intset-entries when the command ran (probed). */
  readonly setMaxIntsetEntries: number;
  /** SCARD of the command's first key (probed for SUNION/SDIFF). */
  readonly firstSetSize: number;
  /** The command searches a lex range of a skiplist whose scores differ: Redis's answer depends on its random levels. */
  readonly lexRangeUndefined: boolean;
}

const exact: ReplyRule = { kind: 'exact' };

function encodingOf(context: RuleContext, key: Buffer | undefined): string | undefined {
  return key === undefined ? undefined : context.encodings.get(key.toString('latin1'));
}

/**
 * SINTER/SMEMBERS answer in intset order if every input is an intset (the
 * smallest is walked). SUNION/SDIFF build a result set that starts as an
 * intset and turns into a hashtable once it outgrows set-max-intset-entries:
 * SUNION only adds, SDIFF may first copy the whole first set.
 */
function setAlgebraRule(name: string, argv: readonly Buffer[], real: RespReply, context: RuleContext): ReplyRule {
  const allIntsets = argv.slice(1).every((key) => {
    const encoding = encodingOf(context, key);
    return encoding === 'intset' || encoding === '';
  });
  const resultSize = real.kind === 'array' && real.items !== null ? real.items.length : 0;
  const limit = context.setMaxIntsetEntries;
  const fitsIntset = name === 'sinter' || name === 'smembers' || (resultSize <= limit && (name !== 'sdiff' || context.firstSetSize <= limit));
  return allIntsets && fitsIntset ? exact : { kind: 'unordered', groupSize: 1 };
}

function compactRule(argv: readonly Buffer[], context: RuleContext, compactEncoding: string, groupSize: 1 | 2): ReplyRule {
  const encoding = encodingOf(context, argv[1]);
  return encoding === compactEncoding || encoding === '' ? exact : { kind: 'unordered', groupSize };
}

function scanRule(argv: readonly Buffer[], context: RuleContext, compactEncoding: string | undefined, groupSize: 1 | 2): ReplyRule {
  const encoding = encodingOf(context, argv[1]);
  return { kind: 'scan', groupSize, compact: compactEncoding !== undefined && (encoding === compactEncoding || encoding === '') };
}

const hasWord = (argv: readonly Buffer[], text: string): boolean => argv.some((item) => item.toString('latin1').toLowerCase() === text);

function sampleRule(name: string, argv: readonly Buffer[]): ReplyRule {
  const countArgument = name === 'randomkey' ? undefined : argv[2];
  const count = countArgument === undefined ? undefined : Number(countArgument.toString('latin1'));
  const withPairs = argv.length > 3 && (hasWord(argv.slice(3), 'withvalues') || hasWord(argv.slice(3), 'withscores'));
  return {
    kind: 'sample',
    sample: {
      single: countArgument === undefined,
      distinct: count === undefined || count >= 0,
      replyGroupSize: withPairs ? 2 : 1,
      poolGroupSize: name === 'hrandfield' || name === 'zrandmember' ? 2 : 1,
      removes: name === 'spop',
    },
  };
}

/** SORT ... ALPHA compares with strcoll, which stops at a NUL byte: such items may tie, and ties keep no defined order. */
function sortRule(argv: readonly Buffer[], real: RespReply): ReplyRule {
  if (!hasWord(argv, 'alpha') || hasWord(argv, 'store') || real.kind !== 'array' || real.items === null) return exact;
  const tieProne = real.items.some((item) => bulkBytes(item)?.includes(0) === true);
  return tieProne ? { kind: 'unordered', groupSize: 1 } : exact;
}

/** The rule for a command's reply; `real` is the reference reply (some rules depend on its size). */
export function ruleFor(argv: readonly Buffer[], real: RespReply, context: RuleContext): ReplyRule {
  if (context.lexRangeUndefined && lexRangeSource(argv) !== undefined) return { kind: 'same-kind' };
  const name = commandName(argv);
  const sub = argv[1]?.toString('latin1').toLowerCase();
  switch (name) {
    case 'keys':
      return { kind: 'unordered', groupSize: 1 };
    case 'smembers':
    case 'sinter':
    case 'sunion':
    case 'sdiff':
      return setAlgebraRule(name, argv, real, context);
    case 'hgetall':
      return compactRule(argv, context, 'listpack', 2);
    case 'hkeys':
    case 'hvals':
      return compactRule(argv, context, 'listpack', 1);
    case 'scan':
      return scanRule(argv, context, undefined, 1);
    case 'sscan':
      return scanRule(argv, context, 'intset', 1);
    case 'hscan':
    case 'zscan':
      return scanRule(argv, context, 'listpack', 2);
    case 'ttl':
    case 'expiretime':
      return { kind: 'near', tolerance: 2n };
    case 'pttl':
    case 'pexpiretime':
      return { kind: 'near', tolerance: 2500n };
    case 'srandmember':
    case 'spop':
    case 'hrandfield':
    case 'zrandmember':
    case 'randomkey':
      return sampleRule(name, argv);
    case 'sort':
    case 'sort_ro':
      return sortRule(argv, real);
    case 'object':
      return sub === 'idletime' ? { kind: 'same-kind' } : exact;
    case 'config':
      return sub === 'get' ? { kind: 'unordered', groupSize: 2 } : exact;
    case 'hello':
      return { kind: 'hello' };
    case 'command':
      // COMMAND and COMMAND INFO without names list every command of the table, in the hash seed's order and
      // beyond the families we implement; only their reply type is compared.
      return sub === undefined || (sub === 'info' && argv.length === 2) ? { kind: 'same-kind' } : exact;
    default:
      return exact;
  }
}
