import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReply, RespProtocolError } from '../support/resp-decoder.js';
import type { RespReply } from '../support/resp-reply.js';
import { RespConnection } from '../support/resp-connection.js';
import { exchangeOn, openSocket, type Exchange } from './raw-exchange.js';
import { startServeChild, type ServeChild } from './serve-child.js';

/** Every protocol error redis-server 7.0 sends before closing a connection (networking.c). */
const PROTOCOL_ERRORS = [
  /^ERR Protocol error: invalid multibulk length$/,
  /^ERR Protocol error: invalid bulk length$/,
  /^ERR Protocol error: expected '\$', got '.'$/s,
  /^ERR Protocol error: unbalanced quotes in request$/,
  /^ERR Protocol error: too big inline request$/,
  /^ERR Protocol error: too big mbulk count string$/,
  /^ERR Protocol error: too big bulk count string$/,
  /^ERR Protocol error: unauthenticated (multibulk|bulk) length$/,
];

const encoder = new TextEncoder();

function encodeCommand(argv: readonly string[]): Uint8Array {
  return encoder.encode(`*${argv.length}\r\n${argv.map((argument) => `$${encoder.encode(argument).length}\r\n${argument}\r\n`).join('')}`);
}

/** Commands a fuzzed client may send: none that touches other clients' data or the server (no FLUSH*, CONFIG, SHUTDOWN...). */
const SAFE_COMMANDS = ['SET', 'GET', 'INCR', 'LPUSH', 'RPOP', 'ECHO', 'PING', 'EXISTS', 'DEL', 'HSET', 'SADD', 'ZADD', 'EXPIRE', 'APPEND', 'STRLEN', 'MULTI', 'EXEC', 'DISCARD', 'SELECT', 'SUBSCRIBE', 'UNSUBSCRIBE', 'QUIT', 'BLPOP', 'LRANGE', 'GETRANGE'] as const;

const argument = fc.oneof(fc.constantFrom('fuzz:a', 'fuzz:b', 'fuzz:n', '0', '1', '-1', '0.5', 'x', ''), fc.string({ maxLength: 8 }));
const argvArbitrary = fc.tuple(fc.constantFrom(...SAFE_COMMANDS), fc.array(argument, { maxLength: 4 })).map(([name, args]) => [name, ...args]);

const validCommand = argvArbitrary.map(encodeCommand);
const truncatedCommand = fc.tuple(validCommand, fc.nat()).map(([bytes, cut]) => bytes.subarray(0, bytes.length === 0 ? 0 : cut % bytes.length));
const inlineWord = fc.oneof(fc.constantFrom(...SAFE_COMMANDS), argument, argument.map((word) => `"${word}"`), argument.map((word) => `'${word}`), fc.constantFrom('"\\x4', '"a"b', "'x'y", '\\x41'));
const inlineCommand = fc.tuple(fc.array(inlineWord, { minLength: 0, maxLength: 5 }), fc.constantFrom('\r\n', '\n', '\r', '')).map(([words, end]) => encoder.encode(`${words.join(' ')}${end}`));
const junk = fc.oneof(fc.constantFrom('', '-1', '-5', '0', '+1', '01', 'abc', '3000000000', '600000000', '99999999999999999999999', ' 1', '1 '), fc.string({ maxLength: 6 }));
const malformedHeader = fc.oneof(
  junk.map((text) => encoder.encode(`*${text}\r\n`)),
  junk.map((text) => encoder.encode(`*1\r\n$${text}\r\n`)),
  fc.tuple(fc.constantFrom(':', '+', '-', '*', 'x', ' ', '\0'), junk).map(([marker, text]) => encoder.encode(`*2\r\n$3\r\nGET\r\n${marker}${text}\r\n`)),
  fc.constantFrom('*1\r\n$4\r\nPINGXX\r\n', '*2\r\n$4\r\nECHO\r\n$3\r\nabcXY', '*1\x00\r\n', 'PING\x00junk\r\n').map((text) => encoder.encode(text)),
);
const randomBytes = fc.uint8Array({ maxLength: 120 });
const oversized = fc.constantFrom('x'.repeat(70_000), `*${'1'.repeat(70_000)}`, `*1\r\n$${'9'.repeat(70_000)}`, '*1\r\n$600000000\r\n', `*20\r\n${'$1\r\nx\r\n'.repeat(20)}`).map((text) => encoder.encode(text));

const segment = fc.oneof(
  { arbitrary: validCommand, weight: 5 },
  { arbitrary: truncatedCommand, weight: 2 },
  { arbitrary: inlineCommand, weight: 3 },
  { arbitrary: malformedHeader, weight: 3 },
  { arbitrary: randomBytes, weight: 2 },
  { arbitrary: oversized, weight: 1 },
);

/** One fuzzed client's input: segments, re-cut at random points into the writes it is sent in. */
const clientInput = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 8 })).map(([segments, cuts]) => {
  const whole = Buffer.concat(segments.map((bytes) => Buffer.from(bytes)));
  const chunks: Buffer[] = [];
  for (let offset = 0, index = 0; offset < whole.length; index++) {
    const size = Math.max(1, Math.ceil(((cuts[index % cuts.length] as number) / 64) * Math.max(1, whole.length / 3)));
    chunks.push(whole.subarray(offset, offset + size));
    offset += size;
  }
  return chunks;
});

/** Splits what the server sent into replies; throws RespProtocolError on bytes that are not RESP. */
function splitReplies(bytes: Buffer): { replies: RespReply[]; trailing: number } {
  const replies: RespReply[] = [];
  let offset = 0;
  for (;;) {
    const parsed = parseReply(bytes, offset);
    if (parsed === undefined) return { replies, trailing: bytes.length - offset };
    replies.push(parsed.reply);
    offset = parsed.end;
  }
}

/** The answer must be RESP; a protocol error must be the last reply, one of Redis's, and the server must then close. */
function checkAnswer(answer: Exchange, seen = { replies: 0, protocolErrors: 0 }): void {
  const { replies } = splitReplies(answer.bytes);
  seen.replies += replies.length;
  const protocolErrorAt = replies.findIndex((reply) => reply.kind === 'error' && reply.text.startsWith('ERR Protocol error'));
  if (protocolErrorAt === -1) return;
  seen.protocolErrors++;
  const reply = replies[protocolErrorAt] as RespReply & { text: string };
  expect(PROTOCOL_ERRORS.some((pattern) => pattern.test(reply.text)), reply.text).toBe(true);
  expect(protocolErrorAt).toBe(replies.length - 1);
  expect(answer.closedByServer).toBe(true);
}

/** Two fuzzed clients whose writes are interleaved in time. */
async function runInterleaved(port: number, first: readonly Buffer[], second: readonly Buffer[]): Promise<Exchange[]> {
  const [socketA, socketB] = await Promise.all([openSocket(port), openSocket(port)]);
  return Promise.all([exchangeOn(socketA, first, { chunkDelayMs: 1, idleMs: 120 }), exchangeOn(socketB, second, { chunkDelayMs: 1, idleMs: 120 })]);
}

let server: ServeChild;
let witness: RespConnection;

const WITNESS_SETUP = [
  ['SET', 'witness:string', 'keep-me'],
  ['RPUSH', 'witness:list', 'a', 'b', 'c'],
  ['HSET', 'witness:hash', 'field', 'value'],
] as const;
const WITNESS_READ = [['GET', 'witness:string'], ['LRANGE', 'witness:list', '0', '-1'], ['HGETALL', 'witness:hash'], ['PING']] as const;
const WITNESS_EXPECTED = ['$7\r\nkeep-me\r\n', '*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n', '*2\r\n$5\r\nfield\r\n$5\r\nvalue\r\n', '+PONG\r\n'];

beforeAll(async () => {
  server = await startServeChild();
  witness = await RespConnection.open(server.port);
  await witness.pipeline(WITNESS_SETUP);
});

afterAll(async () => {
  witness?.close();
  await server?.stop();
});

async function witnessView(): Promise<string[]> {
  return (await witness.pipeline(WITNESS_READ)).map((reply) => reply.raw.toString('latin1'));
}

describe('fuzzing redsim serve with malformed RESP and inline input over real sockets', () => {
  it('never crashes or hangs, answers in RESP with Redis protocol errors then closes, and leaves other clients alone', async () => {
    const seen = { replies: 0, protocolErrors: 0 };
    await fc.assert(
      fc.asyncProperty(clientInput, clientInput, async (first, second) => {
        const answers = await runInterleaved(server.port, first, second);
        for (const answer of answers) checkAnswer(answer, seen);
        expect(server.child.exitCode).toBeNull();
        expect(await witnessView()).toEqual(WITNESS_EXPECTED);
      }),
      { numRuns: 120 },
    );
    // The generators must reach both paths: plenty of ordinary replies and plenty of protocol errors.
    expect(seen.protocolErrors).toBeGreaterThan(20);
    expect(seen.replies).toBeGreaterThan(200);
  });

  it('the answer check itself rejects non-RESP bytes and a protocol error that is not the last reply', () => {
    expect(() => checkAnswer({ bytes: Buffer.from('?garbage\r\n'), closedByServer: false })).toThrow(RespProtocolError);
    expect(() => checkAnswer({ bytes: Buffer.from('-ERR Protocol error: invalid bulk length\r\n+PONG\r\n'), closedByServer: true })).toThrow();
    expect(() => checkAnswer({ bytes: Buffer.from('-ERR Protocol error: invalid bulk length\r\n'), closedByServer: false })).toThrow();
    expect(() => checkAnswer({ bytes: Buffer.from('-ERR Protocol error: made up\r\n'), closedByServer: true })).toThrow();
  });

  it('still serves new connections after the fuzzing, with the witness data intact', async () => {
    const fresh = await RespConnection.open(server.port);
    expect((await fresh.command(['GET', 'witness:string'])).raw.toString('latin1')).toBe('$7\r\nkeep-me\r\n');
    fresh.close();
    expect(await witnessView()).toEqual(WITNESS_EXPECTED);
  });
});
