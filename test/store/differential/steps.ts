import { argumentBytes } from '../../support/resp-encoder.js';
import { keyNames } from './arguments.js';
import { lexRangeDestination, lexRangeSource } from './lex-ranges.js';
import { commandName, isTimeToken, type Operation, type OperationArgument, type TimeToken } from './operation.js';

/**
 * What a step is for. Probes are extra commands sent to both servers around a
 * generated command, so its reply can be judged precisely: the encoding of
 * the keys it reads (an intset SMEMBERS is ordered, a hashtable one is not),
 * or the collection a random command samples from. An expiry probe (EXISTS
 * of every key) makes Redis drop keys that are logically expired but still
 * stored (SET ... EXAT in the past leaves one), which DBSIZE and RANDOMKEY
 * would otherwise count or meet at random.
 */
export type StepPurpose = 'command' | 'encoding-probe' | 'expiry-probe' | 'config-probe' | 'size-probe' | 'contents-before' | 'contents-after' | 'resync' | 'closing-exec' | 'final-check';

export interface Step {
  readonly argv: readonly Buffer[];
  readonly purpose: StepPurpose;
  /** The command this step belongs to; a command and its probes share it. */
  readonly owner: number;
  /** For generated commands: their index in the sequence. */
  readonly operationIndex?: number;
}

const argv = (...items: (string | Buffer)[]): Buffer[] => items.map(argumentBytes);

/** Resolves a time token (see TimeToken): no two resolved expiry times of a sequence are closer than a second. */
export function resolveTimeToken(token: TimeToken, baseMs: number, operationIndex: number): string {
  if (token.kind === 'ttl') {
    const seconds = token.thousands * 1000 + operationIndex;
    return String(token.unit === 's' ? seconds : seconds * 1000);
  }
  const baseSeconds = Math.floor(baseMs / 1000);
  const offsetSeconds = token.thousands > 0 ? token.thousands * 1000 + 500 + operationIndex : token.thousands * 1000 - 500 - operationIndex;
  const seconds = baseSeconds + offsetSeconds;
  return String(token.unit === 's' ? seconds : seconds * 1000);
}

function resolveArgument(argument: OperationArgument, baseMs: number, operationIndex: number): Buffer {
  return isTimeToken(argument) ? Buffer.from(resolveTimeToken(argument, baseMs, operationIndex), 'latin1') : argumentBytes(argument);
}

const encodingProbed = new Set(['smembers', 'hgetall', 'hkeys', 'hvals', 'sscan', 'hscan', 'zscan']);
const encodingProbedAllKeys = new Set(['sinter', 'sunion', 'sdiff']);

/** Probes that run before a command: OBJECT ENCODING of what it reads, or the collection it samples. */
export function probesBefore(command: readonly Buffer[]): Buffer[][] {
  const name = commandName(command);
  const firstKey = command[1];
  if (name === 'randomkey') return [argv('EXISTS', ...keyNames), argv('KEYS', '*')];
  if (name === 'dbsize') return [argv('EXISTS', ...keyNames)];
  if (firstKey === undefined) return [];
  if (encodingProbed.has(name)) return [argv('OBJECT', 'ENCODING', firstKey)];
  if (encodingProbedAllKeys.has(name)) {
    // SUNION/SDIFF build their result as an intset while it fits set-max-intset-entries (CONFIG SET may have
    // changed it); SDIFF may first copy the whole first set, whose size is probed too.
    const keyProbes = command.slice(1).map((key) => argv('OBJECT', 'ENCODING', key));
    return [...keyProbes, argv('CONFIG', 'GET', 'set-max-intset-entries'), argv('SCARD', firstKey)];
  }
  const lexSource = lexRangeSource(command);
  if (lexSource !== undefined) return [argv('OBJECT', 'ENCODING', lexSource), argv('ZRANGE', lexSource, '0', '-1', 'WITHSCORES')];
  switch (name) {
    case 'spop':
    case 'srandmember':
      return [argv('SMEMBERS', firstKey)];
    case 'hrandfield':
      return [argv('HGETALL', firstKey)];
    case 'zrandmember':
      return [argv('ZRANGE', firstKey, '0', '-1', 'WITHSCORES')];
    default:
      return [];
  }
}

/**
 * Steps after a command whose effect may legitimately differ between two
 * servers: SPOP removes members chosen at random, a lex range over a
 * skiplist with mixed scores removes or stores what the random levels lead
 * to (see lex-ranges.ts). The key is read back (to check the effect where it
 * is defined) and deleted on both, which makes them equal again.
 */
export function stepsAfter(command: readonly Buffer[]): { readonly purpose: StepPurpose; readonly argv: Buffer[] }[] {
  const firstKey = command[1];
  if (commandName(command) === 'spop' && firstKey !== undefined) {
    return [
      { purpose: 'contents-after', argv: argv('SMEMBERS', firstKey) },
      { purpose: 'resync', argv: argv('DEL', firstKey) },
    ];
  }
  const lexDestination = lexRangeDestination(command);
  if (lexDestination === undefined) return [];
  return [
    { purpose: 'contents-after', argv: argv('ZRANGE', lexDestination, '0', '-1', 'WITHSCORES') },
    { purpose: 'resync', argv: argv('DEL', lexDestination) },
  ];
}

class StepList {
  readonly steps: Step[] = [];
  private owners = 0;

  addCommand(command: Buffer[], purpose: StepPurpose, operationIndex?: number): void {
    const owner = this.owners++;
    for (const probe of probesBefore(command)) {
      this.steps.push({ argv: probe, purpose: purposeOfProbe(probe), owner });
    }
    this.steps.push(operationIndex === undefined ? { argv: command, purpose, owner } : { argv: command, purpose, owner, operationIndex });
    for (const after of stepsAfter(command)) this.steps.push({ ...after, owner });
  }
}

function purposeOfProbe(probe: readonly Buffer[]): StepPurpose {
  const name = commandName(probe);
  if (name === 'object') return 'encoding-probe';
  if (name === 'exists') return 'expiry-probe';
  if (name === 'scard') return 'size-probe';
  return name === 'config' ? 'config-probe' : 'contents-before';
}

/** Reads every key of one database back: type, encoding, TTL, contents and DEBUG DIGEST-VALUE (debug.c's digest, as our store computes it too). */
function addFinalChecks(list: StepList, database: number): void {
  list.addCommand(argv('SELECT', String(database)), 'final-check');
  list.addCommand(argv('DBSIZE'), 'final-check');
  list.addCommand(argv('KEYS', '*'), 'final-check');
  list.addCommand(argv('DEBUG', 'DIGEST-VALUE', ...keyNames), 'final-check');
  for (const key of keyNames) {
    for (const check of [['TYPE'], ['OBJECT', 'ENCODING'], ['TTL'], ['GET'], ['LRANGE'], ['HGETALL'], ['SMEMBERS'], ['ZRANGE']]) {
      const [name, sub] = check as [string, string | undefined];
      const tail = name === 'LRANGE' ? ['0', '-1'] : name === 'ZRANGE' ? ['0', '-1', 'WITHSCORES'] : [];
      list.addCommand(argv(...(sub === undefined ? [name] : [name, sub]), key, ...tail), 'final-check');
    }
  }
}

const touchesOtherDatabase = new Set(['move', 'copy', 'swapdb', 'select']);

/**
 * The full step list of one sequence: each operation with its probes, an
 * EXEC that closes a transaction left open, and the final read-back of the
 * key space (database 1 too when the sequence could have written there).
 */
export function buildSteps(operations: readonly Operation[], baseMs: number): Step[] {
  const list = new StepList();
  operations.forEach((op, index) => {
    list.addCommand(op.argv.map((argument) => resolveArgument(argument, baseMs, index)), 'command', index);
  });
  list.addCommand(argv('EXEC'), 'closing-exec');
  addFinalChecks(list, 0);
  if (operations.some((op) => touchesOtherDatabase.has(commandName(op.argv)))) addFinalChecks(list, 1);
  // Every key was looked up above, so no logically expired key is left to sway the digest.
  list.addCommand(argv('DEBUG', 'DIGEST'), 'final-check');
  return list.steps;
}
