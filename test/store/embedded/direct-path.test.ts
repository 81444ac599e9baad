import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore, type Store, type StoreClient } from '../../../src/store/embedded.js';
import { fastCommandOf, fastPathOf } from '../../../src/store/embedded-fast-path.js';
import { encodeRequest } from '../../../src/store/protocol/request-encoder.js';

/**
 * `command` and `call` skip RESP request encoding and parsing; `sendRaw` of
 * the encoded request is the network path. Two stores fed the same steps, one
 * through each, must answer the same bytes and end in the same state.
 */
type Argument = string | Buffer;
type Step =
  | { readonly kind: 'command'; readonly clientIndex: number; readonly argv: readonly Argument[] }
  | { readonly kind: 'advance'; readonly ms: number }
  | { readonly kind: 'partial'; readonly clientIndex: number; readonly argv: readonly Argument[] };

const keyArbitrary = fc.constantFrom('k1', 'k2', 'list', 'zs', 'h', 's', 'K\u00e9', 'k\u{1F600}');
const smallText = fc.oneof(
  fc.constantFrom('0', '1', '-1', '10', '9999', '10000', '9223372036854775807', 'abc', '', '3.5', ' 1', 'x'.repeat(50)),
  fc.string({ maxLength: 6 }),
  fc.uint8Array({ maxLength: 6 }).map((bytes) => Buffer.from(bytes)),
);
const nameCase = (name: string): fc.Arbitrary<string> => fc.constantFrom(name, name.toLowerCase(), name[0] + name.slice(1).toLowerCase());

/** Commands of every family, with valid and invalid shapes (arity, wrong type, bad numbers). */
const commandArbitrary: fc.Arbitrary<readonly Argument[]> = fc.oneof(
  fc.tuple(nameCase('SET'), keyArbitrary, smallText).map(([name, key, value]) => [name, key, value]),
  fc.tuple(keyArbitrary, smallText, fc.constantFrom(['NX'], ['XX'], ['GET'], ['EX', '10'], ['PX', '5'], ['KEEPTTL'], ['EX', '0'], ['BAD'])).map(([key, value, options]) => ['SET', key, value, ...options]),
  fc.tuple(nameCase('GET'), keyArbitrary).map(([name, key]) => [name, key]),
  fc.tuple(fc.constantFrom('INCR', 'DECR', 'incr'), keyArbitrary).map(([name, key]) => [name, key]),
  fc.tuple(fc.constantFrom('INCRBY', 'DECRBY', 'INCRBYFLOAT', 'APPEND', 'GETSET', 'SETNX'), keyArbitrary, smallText).map(([name, key, value]) => [name, key, value]),
  fc.tuple(fc.constantFrom('LPUSH', 'RPUSH', 'SADD', 'SREM', 'HDEL', 'ZREM'), keyArbitrary, smallText).map(([name, key, value]) => [name, key, value]),
  fc.tuple(keyArbitrary, smallText, smallText).map(([key, field, value]) => ['HSET', key, field, value]),
  fc.tuple(keyArbitrary, smallText, smallText).map(([key, score, member]) => ['ZADD', key, score, member]),
  fc.tuple(fc.constantFrom('LRANGE', 'ZRANGE'), keyArbitrary).map(([name, key]) => [name, key, '0', '-1']),
  fc.tuple(fc.constantFrom('LPOP', 'RPOP', 'SMEMBERS', 'HGETALL', 'TYPE', 'TTL', 'PTTL', 'DEL', 'EXISTS', 'STRLEN', 'PERSIST', 'WATCH'), keyArbitrary).map(([name, key]) => [name, key]),
  fc.tuple(keyArbitrary, fc.constantFrom('1', '0', '-1', 'x')).map(([key, seconds]) => ['EXPIRE', key, seconds]),
  fc.tuple(fc.constantFrom('BLPOP', 'BRPOP', 'BZPOPMIN'), keyArbitrary, fc.constantFrom('0.05', '0', 'x', '-1')).map(([name, key, timeout]) => [name, key, timeout]),
  fc.constantFrom<readonly Argument[]>(
    ['MULTI'], ['EXEC'], ['DISCARD'], ['UNWATCH'], ['PING'], ['PING', 'hi'], ['ECHO', 'x'], ['DBSIZE'], ['SELECT', '1'], ['SELECT', '0'], ['SELECT', '99'],
    ['GET'], ['SET', 'k1'], ['NOSUCH', 'a', 'b'], ['CONFIG', 'NOSUCH'], ['CLIENT', 'REPLY', 'SKIP'], ['CLIENT', 'REPLY', 'OFF'], ['CLIENT', 'REPLY', 'ON'],
    ['SUBSCRIBE', 'ch'], ['UNSUBSCRIBE'], ['PUBLISH', 'ch', 'm'], ['FLUSHDB'], ['RANDOMKEY'], ['KEYS', '*'], ['CLIENT', 'ID'], ['OBJECT', 'ENCODING', 'k1'],
    ['CONFIG', 'SET', 'proto-max-bulk-len', '1mb'], ['CONFIG', 'SET', 'client-query-buffer-limit', '1mb'], ['AUTH', 'x'], ['HELLO', '3'], ['POST'], [''],
    ['CLIENT', 'LIST'], ['CLIENT', 'INFO'], ['client', 'info'], ['INFO', 'clients'],
  ),
);

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('command' as const), clientIndex: fc.integer({ min: 0, max: 1 }), argv: commandArbitrary }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(1, 20, 60, 1100) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partial' as const), clientIndex: fc.integer({ min: 0, max: 1 }), argv: commandArbitrary }) },
);

/**
 * The fast path's commands (SET key value, GET, INCR, DECR) on few keys,
 * interleaved with what turns each of its blockers on and off: AOF,
 * notifications, maxmemory and LFU, passwords, WATCH/MULTI, reply modes,
 * RESP3, pub/sub, blocked clients, TTLs and time, other dbs, wrong types,
 * non-integers and overflows (errors the fast path leaves to the general one).
 */
const fastKey = fc.oneof({ weight: 5, arbitrary: fc.constantFrom<Argument>('a', 'b', 'c', 'K\u00e9') }, { weight: 1, arbitrary: fc.constantFrom<Argument>(Buffer.from('b'), Buffer.from([0x4b, 0xe9])) });
/** Any letter case: the command table ignores it, and so does the fast path. */
const anyCase = (name: string): fc.Arbitrary<string> =>
  fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length }).map((uppers) => Array.from(name, (char, index) => (uppers[index] === true ? char.toUpperCase() : char.toLowerCase())).join(''));
const fastValue = fc.oneof(
  fc.constantFrom('0', '1', '-1', '9999', '10000', '-0', '01', '9223372036854775806', '9223372036854775807', '-9223372036854775808', 'abc', '', 'v'.repeat(44), 'v'.repeat(45)),
  // Around the safe integers (INCR/DECR count with numbers inside, bigints beyond) and texts longer than a number parse.
  fc.constantFrom('9007199254740990', '9007199254740991', '-9007199254740991', '-9007199254740990', '123456789012345', '1234567890123456', '-1234567890123456', '0'.repeat(20), '9'.repeat(21)),
  fc.string({ maxLength: 4 }),
  // Strings whose UTF-8 bytes are not their chars (the general path encodes them).
  fc.string({ unit: 'binary', maxLength: 4 }),
  fc.constantFrom('\u00e9', '\u007f\u0080', 'v\u{1F600}', '1\u00e9'),
  fc.uint8Array({ maxLength: 4 }).map((bytes) => Buffer.from(bytes)),
);
const fastCommandArbitrary: fc.Arbitrary<readonly Argument[]> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(anyCase('SET'), fastKey, fastValue).map(([name, key, value]) => [name, key, value]) },
  { weight: 6, arbitrary: fc.tuple(anyCase('GET'), fastKey).map(([name, key]) => [name, key]) },
  { weight: 6, arbitrary: fc.tuple(fc.oneof(anyCase('INCR'), anyCase('DECR')), fastKey).map(([name, key]) => [name, key]) },
  // What reads or changes a value the fast path stored (as text, or as a number) by another path.
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom<readonly Argument[]>(['APPEND', 'x'], ['SETRANGE', '1', 'y'], ['GETRANGE', '0', '-1'], ['STRLEN'], ['INCRBY', '9007199254740990'], ['DECRBY', '9007199254740990'], ['SETBIT', '3', '1'], ['GETSET', 'z'], ['COPY', 'c'], ['RENAME', 'c']), fastKey).map(([[name, ...rest], key]) => [name as string, key, ...rest]) },
  { weight: 3, arbitrary: fc.tuple(fastKey, fc.constantFrom(['PX', '5'], ['PX', '30'], ['EX', '1'], ['KEEPTTL'], ['GET'])).map(([key, options]) => ['SET', key, '1', ...options]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('EXPIRE', 'PEXPIRE'), fastKey, fc.constantFrom('1', '3', '0')).map(([name, key, time]) => [name, key, time]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('LPUSH', 'SADD', 'WATCH', 'DEL', 'PERSIST', 'OBJECT'), fastKey).map(([name, key]) => (name === 'OBJECT' ? [name, 'ENCODING', key] : [name, key, 'x'].slice(0, name === 'WATCH' || name === 'DEL' || name === 'PERSIST' ? 2 : 3))) },
  { weight: 3, arbitrary: fc.oneof(fc.constantFrom<readonly Argument[]>(['MULTI'], ['EXEC'], ['DISCARD'], ['UNWATCH']), fastKey.map((key) => ['WATCH', key])) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('BLPOP', 'BRPOP'), fastKey).map(([name, key]) => [name, key, '0.05']) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<readonly Argument[]>(
      ['CONFIG', 'SET', 'appendonly', 'yes'], ['CONFIG', 'SET', 'appendonly', 'no'], ['CONFIG', 'SET', 'notify-keyspace-events', 'KEA'], ['CONFIG', 'SET', 'notify-keyspace-events', ''],
      ['CONFIG', 'SET', 'maxmemory', '100mb'], ['CONFIG', 'SET', 'maxmemory', '1'], ['CLIENT', 'LIST'], ['CONFIG', 'SET', 'maxmemory', '0'], ['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lfu'], ['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru'],
      ['CONFIG', 'SET', 'maxmemory-policy', 'noeviction'], ['CONFIG', 'SET', 'requirepass', 'pw'], ['CONFIG', 'SET', 'requirepass', ''], ['AUTH', 'pw'], ['CONFIG', 'SET', 'save', ''], ['CONFIG', 'SET', 'save', '1 1'],
      ['MULTI'], ['EXEC'], ['DISCARD'], ['UNWATCH'], ['CLIENT', 'REPLY', 'SKIP'], ['CLIENT', 'REPLY', 'OFF'], ['CLIENT', 'REPLY', 'ON'], ['HELLO', '3'], ['HELLO', '2'],
      ['SUBSCRIBE', 'ch'], ['UNSUBSCRIBE'], ['PSUBSCRIBE', '__key*'], ['PUNSUBSCRIBE'], ['SELECT', '1'], ['SELECT', '0'], ['FLUSHALL'], ['BGSAVE'], ['OBJECT', 'FREQ', 'a'], ['OBJECT', 'REFCOUNT', 'a'], ['CONFIG', 'RESETSTAT'],
      ['REPLICAOF', '127.0.0.1', '1'], ['REPLICAOF', 'NO', 'ONE'], ['SWAPDB', '0', '1'], ['DEBUG', 'SET-ACTIVE-EXPIRE', '0'], ['DEBUG', 'SET-ACTIVE-EXPIRE', '1'], ['CONFIG', 'SET', 'active-expire-effort', '10'], ['CONFIG', 'SET', 'active-expire-effort', '1'],
    ),
  },
);

const fastStepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  { weight: 20, arbitrary: fc.record({ kind: fc.constant('command' as const), clientIndex: fc.constantFrom(0, 0, 0, 1), argv: fastCommandArbitrary }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(1, 4, 10, 20, 60, 1100, 3000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('partial' as const), clientIndex: fc.integer({ min: 0, max: 1 }), argv: fastCommandArbitrary }) },
);

interface Side {
  readonly store: Store;
  readonly clients: readonly StoreClient[];
}

function openSide(): Side {
  const store = createStore({ seed: 7 });
  return { store, clients: [store, store.client()] };
}

/** What one step shows: the call's bytes and every client's asynchronous bytes. */
function runStep(side: Side, step: Step, direct: boolean): string {
  if (step.kind === 'advance') {
    side.store.advance(step.ms);
    return side.clients.map((client) => client.takeReplies().toString('latin1')).join('|');
  }
  const client = side.clients[step.clientIndex] as StoreClient;
  if (client.isClosed()) return 'closed';
  const request = encodeRequest(step.argv);
  // A partial request: the first half as raw bytes, the rest must follow before the next command.
  const bytes = step.kind === 'partial' ? client.sendRaw(request.subarray(0, request.length >> 1)).toString('latin1') + client.sendRaw(request.subarray(request.length >> 1)).toString('latin1') : direct ? client.command(step.argv).toString('latin1') : client.sendRaw(request).toString('latin1');
  return `${bytes}|${side.clients.map((other) => other.takeReplies().toString('latin1')).join('|')}`;
}

/** Every key's LRU/LFU field, by db. */
function accessFieldsOf(side: Side): unknown {
  const node = side.store.node;
  return Array.from({ length: node.databaseCount() }, (_, index) => {
    const db = node.database(index);
    return db.keys().map((key) => [key.toString('latin1'), db.accessField(key)]);
  });
}

/**
 * The observable state: dataset, LRU/LFU fields, how far the LFU stream was
 * drawn, step counters and every INFO field (both stores run on the same
 * manual clock).
 */
function stateOf(side: Side): unknown {
  const node = side.store.node;
  const access = accessFieldsOf(side);
  const nextLfuDraw = node.lfuRng.int(1 << 30);
  const info = side.store.call('INFO', 'everything');
  const lines = Buffer.isBuffer(info) ? info.toString('latin1').split('\r\n') : [];
  return { digest: node.datasetDigest(), access, nextLfuDraw, steps: Array.from(node.steps()), info: lines };
}

describe('embedded direct path', () => {
  it('answers every command sequence with the same bytes and ends in the same state as the encoded RESP path', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 40 }), (steps) => {
        const direct = openSide();
        const encoded = openSide();
        for (const step of steps) expect(runStep(direct, step, true)).toBe(runStep(encoded, step, false));
        expect(stateOf(direct)).toEqual(stateOf(encoded));
      }),
      { numRuns: 300 },
    );
  });

  it('takes the fast path for SET/GET/INCR/DECR with the same bytes and state as the RESP path, whichever blockers are on', () => {
    let fastRuns = 0;
    let fastCommands = 0;
    fc.assert(
      fc.property(fc.array(fastStepArbitrary, { minLength: 1, maxLength: 80, size: 'max' }), (steps) => {
        const direct = openSide();
        const encoded = openSide();
        for (const step of steps) expect(runStep(direct, step, true)).toBe(runStep(encoded, step, false));
        expect(stateOf(direct)).toEqual(stateOf(encoded));
        fastRuns += fastPathOf(direct.store.node).runs;
        fastCommands += steps.filter((step) => step.kind === 'command' && fastCommandOf(step.argv) !== undefined).length;
      }),
      { numRuns: 300 },
    );
    // The comparison means something only if the fast path ran often (and, as often, was kept off).
    expect(fastRuns).toBeGreaterThan(fastCommands / 10);
    expect(fastRuns).toBeLessThan(fastCommands);
  });

  it('runs plain SET/GET/INCR on the fast path when nothing blocks it', () => {
    const store = createStore();
    const fastRunsBefore = fastPathOf(store.node).runs;
    const propagatedBefore = store.node.propagator.propagatedCount;
    const commandsBefore = store.node.stats.numCommands;
    expect(store.command(['SET', 'k', 'v']).toString()).toBe('+OK\r\n');
    expect(store.command(['GET', 'k']).toString()).toBe('$1\r\nv\r\n');
    expect(store.command(['INCR', 'n']).toString()).toBe(':1\r\n');
    expect(store.node.stats.numCommands - commandsBefore).toBe(3);
    expect(fastPathOf(store.node).runs - fastRunsBefore).toBe(3);
    expect(store.node.propagator.propagatedCount - propagatedBefore).toBe(2);
    // A reply is the caller's: changing it changes no later reply.
    const first = store.command(['GET', 'k']);
    first.fill(0);
    expect(store.command(['GET', 'k']).toString()).toBe('$1\r\nv\r\n');
  });

  it('keeps arguments intact after later commands reuse the argument slab', () => {
    const store = createStore();
    for (let index = 0; index < 5000; index++) store.command(['RPUSH', 'list', `element-${index}-${'x'.repeat(20)}`]);
    const elements = store.call('LRANGE', 'list', '0', '-1') as Buffer[];
    expect(elements.length).toBe(5000);
    expect(elements.every((element, index) => element.toString() === `element-${index}-${'x'.repeat(20)}`)).toBe(true);
  });

  it('encodes non-ASCII strings as UTF-8 like the RESP path', () => {
    const store = createStore();
    store.command(['SET', 'clé', 'värde \u{1F600}']);
    expect(store.command(['GET', 'clé']).toString('utf8')).toBe(`$${Buffer.byteLength('värde \u{1F600}')}\r\nvärde \u{1F600}\r\n`);
    expect(store.call('EXISTS', Buffer.from('clé', 'utf8'))).toBe(1);
    expect(store.call('EXISTS', Buffer.from('clé', 'latin1'))).toBe(0);
  });
});
