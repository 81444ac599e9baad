import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RequestParser, type ParsedRequest, type ParserPolicy } from '../../../src/store/protocol/request-parser.js';
import { encodeRequest } from '../../../src/store/protocol/request-encoder.js';
import { parseStrictInteger } from '../../../src/store/protocol/integer-text.js';

const policy: ParserPolicy = { protoMaxBulkLen: 512 * 1024 * 1024, trusted: false, authRequired: false };

function parseAll(chunks: readonly Uint8Array[], parserPolicy: ParserPolicy = policy): ParsedRequest[] {
  const parser = new RequestParser();
  const parsed: ParsedRequest[] = [];
  for (const chunk of chunks) {
    parser.append(chunk);
    for (let request = parser.next(parserPolicy); request !== undefined; request = parser.next(parserPolicy)) {
      parsed.push(request);
      if (request.kind === 'protocolError') return parsed;
    }
  }
  return parsed;
}

function firstError(input: string, parserPolicy: ParserPolicy = policy): string | undefined {
  const found = parseAll([Buffer.from(input, 'latin1')], parserPolicy).find((request) => request.kind === 'protocolError');
  return found?.kind === 'protocolError' ? found.message : undefined;
}

function splitAt(data: Buffer, cuts: readonly number[]): Buffer[] {
  const points = Array.from(new Set(cuts.map((cut) => cut % (data.length + 1)))).sort((left, right) => left - right);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(data.subarray(start, point));
    start = point;
  }
  chunks.push(data.subarray(start));
  return chunks;
}

describe('RequestParser', () => {
  it('parses any sequence of multibulk commands back identically, however the bytes are split', () => {
    const argument = fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes));
    const command = fc.array(argument, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 12 }), (commands, cuts) => {
        const wire = Buffer.concat(commands.map((argv) => encodeRequest(argv)));
        const parsed = parseAll(splitAt(wire, cuts));
        expect(parsed.map((request) => (request.kind === 'command' ? request.argv : request))).toEqual(commands);
      }),
    );
  });

  it('parses inline commands with quotes and escapes like sdssplitargs', () => {
    const parsed = parseAll([Buffer.from('SET "a b" \'c\\\'d\' "\\x41\\n"\r\nPING\n', 'latin1')]);
    expect(parsed).toEqual([
      { kind: 'command', argv: [Buffer.from('SET'), Buffer.from('a b'), Buffer.from("c'd"), Buffer.from('A\n')] },
      { kind: 'command', argv: [Buffer.from('PING')] },
    ]);
  });

  it('skips empty inline lines and empty multibulks', () => {
    expect(parseAll([Buffer.from('\r\n*0\r\n*-1\r\nPING\r\n')]).map((request) => request.kind)).toEqual(['empty', 'empty', 'empty', 'command']);
  });

  it("reports Redis's protocol errors", () => {
    expect(firstError('*x\r\n')).toBe('Protocol error: invalid multibulk length');
    expect(firstError('*1\r\n$-1\r\n')).toBe('Protocol error: invalid bulk length');
    expect(firstError('*1\r\nfoo\r\n')).toBe("Protocol error: expected '$', got 'f'");
    expect(firstError('SET "a b\r\n')).toBe('Protocol error: unbalanced quotes in request');
    expect(firstError('SET "a"b\r\n')).toBe('Protocol error: unbalanced quotes in request');
    expect(firstError(`*1\r\n$${'9'.repeat(30)}\r\n`)).toBe('Protocol error: invalid bulk length');
    expect(firstError('*1\r\n$2000000\r\n', { ...policy, protoMaxBulkLen: 1024 * 1024 })).toBe('Protocol error: invalid bulk length');
  });

  it('refuses lines longer than 64 KiB without a terminator', () => {
    const big = 'a'.repeat(64 * 1024 + 1);
    expect(firstError(big)).toBe('Protocol error: too big inline request');
    expect(firstError(`*${big}`)).toBe('Protocol error: too big mbulk count string');
    expect(firstError(`*1\r\n$${big}`)).toBe('Protocol error: too big bulk count string');
    expect(firstError('a'.repeat(64 * 1024))).toBeUndefined();
  });

  it('limits counts before authentication', () => {
    const unauthenticated = { ...policy, authRequired: true };
    expect(firstError('*11\r\n', unauthenticated)).toBe('Protocol error: unauthenticated multibulk length');
    expect(firstError('*1\r\n$16385\r\n', unauthenticated)).toBe('Protocol error: unauthenticated bulk length');
    expect(firstError('*10\r\n', unauthenticated)).toBeUndefined();
  });

  it('lets a trusted master link exceed proto-max-bulk-len', () => {
    const parsed = parseAll([Buffer.from('*1\r\n$3\r\nabc\r\n')], { ...policy, protoMaxBulkLen: 2, trusted: true });
    expect(parsed).toEqual([{ kind: 'command', argv: [Buffer.from('abc')] }]);
  });

  it('waits for the rest of an incomplete request', () => {
    const parser = new RequestParser();
    parser.append(Buffer.from('*2\r\n$3\r\nGET\r\n$1\r'));
    expect(parser.next(policy)).toBeUndefined();
    parser.append(Buffer.from('\nk\r\n'));
    expect(parser.next(policy)).toEqual({ kind: 'command', argv: [Buffer.from('GET'), Buffer.from('k')] });
    expect(parser.pendingBytes()).toBe(0);
  });

  it('stops at a NUL byte when looking for a line end, as strchr does', () => {
    const parser = new RequestParser();
    parser.append(Buffer.from('PI\0NG\r\n', 'latin1'));
    expect(parser.next(policy)).toBeUndefined();
  });
});

describe('RequestParser chunk ownership', () => {
  it('keeps what it buffered after compact even if the caller reuses its chunk', () => {
    const parser = new RequestParser();
    const wire = encodeRequest(['SET', 'key', 'value']);
    const chunk = Buffer.from(wire.subarray(0, wire.length - 4));
    parser.append(chunk);
    expect(parser.next(policy)).toBeUndefined();
    parser.compact();
    chunk.fill(0x21);
    parser.append(wire.subarray(wire.length - 4));
    const parsed = parser.next(policy);
    expect(parsed).toEqual({ kind: 'command', argv: [Buffer.from('SET'), Buffer.from('key'), Buffer.from('value')] });
  });

  it('gives arguments that do not alias the chunk they came from', () => {
    const parser = new RequestParser();
    const chunk = encodeRequest(['GET', 'k']);
    parser.append(chunk);
    const parsed = parser.next(policy);
    chunk.fill(0x21);
    expect(parsed).toEqual({ kind: 'command', argv: [Buffer.from('GET'), Buffer.from('k')] });
  });
});

describe('RequestParser query buffer', () => {
  it('parses identically when each read is compacted and the caller then reuses its chunk', () => {
    const argument = fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes));
    const command = fc.array(argument, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 16 }), (commands, cuts) => {
        const wire = Buffer.concat(commands.map((argv) => encodeRequest(argv)));
        const parser = new RequestParser();
        const parsed: Buffer[][] = [];
        for (const piece of splitAt(wire, cuts)) {
          const chunk = Buffer.from(piece);
          parser.append(chunk);
          for (let request = parser.next(policy); request !== undefined; request = parser.next(policy)) {
            if (request.kind === 'command') parsed.push(request.argv);
          }
          parser.compact();
          chunk.fill(0x21);
        }
        expect(parsed).toEqual(commands);
        expect(parser.pendingBytes()).toBe(0);
      }),
    );
  });

  it('assembles a 1 MiB argument sent in 4 KiB reads, counting what is pending as it grows', () => {
    const value = Buffer.alloc(1024 * 1024, 0x61);
    value[12345] = 0x62;
    const wire = encodeRequest([Buffer.from('SET'), Buffer.from('k'), value]);
    const parser = new RequestParser();
    let received = 0;
    let parsed: ParsedRequest | undefined;
    for (let start = 0; start < wire.length; start += 4096) {
      const chunk = wire.subarray(start, Math.min(wire.length, start + 4096));
      parser.append(chunk);
      received += chunk.length;
      parsed = parser.next(policy);
      if (parsed === undefined) {
        parser.compact();
        // Headers already read are consumed; the bulk's bytes stay pending.
        expect(parser.pendingBytes()).toBeLessThanOrEqual(received);
        expect(parser.pendingBytes()).toBeGreaterThan(received - 40);
      }
    }
    expect(parsed?.kind).toBe('command');
    expect(parsed?.kind === 'command' && parsed.argv[2]?.equals(value)).toBe(true);
    expect(parser.commandArgvBytes()).toBe(3 + 1 + value.length);
  });

  it("reports each command's argument bytes and, for short names, argv[0]'s text", () => {
    const parser = new RequestParser();
    const longName = 'x'.repeat(40);
    parser.append(Buffer.concat([encodeRequest(['get', 'key']), encodeRequest([longName, 'a']), Buffer.from('PING  extra\r\n')]));
    expect(parser.next(policy)).toBeDefined();
    expect(parser.commandArgvBytes()).toBe(6);
    expect(parser.commandNameText()).toBe('get');
    expect(parser.next(policy)).toBeDefined();
    expect(parser.commandArgvBytes()).toBe(41);
    expect(parser.commandNameText()).toBeUndefined();
    expect(parser.next(policy)).toEqual({ kind: 'command', argv: [Buffer.from('PING'), Buffer.from('extra')] });
    expect(parser.commandArgvBytes()).toBe(9);
    expect(parser.commandNameText()).toBeUndefined();
  });

  it("gives the latin1 text of each short leading argument, equal to the argument's bytes, and none for others", () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 0, maxLength: 30 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 3 }), (argumentBytes, repeats) => {
        const parser = new RequestParser();
        const argv = argumentBytes.map((bytes) => Buffer.from(bytes));
        for (let round = 0; round < repeats; round++) {
          parser.append(encodeRequest(argv));
          const parsed = parser.next(policy);
          expect(parsed).toEqual({ kind: 'command', argv });
          argv.forEach((argument, index) => {
            const interned = index < 4 && argument.length > 0 && argument.length <= 24;
            expect(parser.argumentText(index)).toBe(interned ? argument.toString('latin1') : undefined);
          });
          expect(parser.argumentText(argv.length)).toBeUndefined();
        }
      }),
    );
  });

  it('reads a bulk length line as string2ll does, whatever its characters (one-pass short path or general path)', () => {
    const lengthPolicy = { ...policy, protoMaxBulkLen: 1000 };
    const lineText = fc.array(fc.constantFrom('0', '1', '5', '9', '-', '+', ' ', 'x'), { minLength: 1, maxLength: 18 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(lineText, (text) => {
        const length = parseStrictInteger(Buffer.from(text, 'latin1'));
        const payload = length !== undefined && length >= 0n && length <= 1000n ? 'a'.repeat(Number(length)) : '';
        const parsed = parseAll([Buffer.from(`*1\r\n$${text}\r\n${payload}\r\n`, 'latin1')], lengthPolicy);
        if (length === undefined || length < 0n || length > 1000n) expect(parsed).toEqual([{ kind: 'protocolError', message: 'Protocol error: invalid bulk length' }]);
        else expect(parsed).toEqual([{ kind: 'command', argv: [Buffer.from(payload)] }]);
      }),
    );
  });

  it('reads a count line as string2ll does: invalid, empty, waiting for more arguments, or a command', () => {
    const lineText = fc.array(fc.constantFrom('0', '1', '3', '9', '-', ' '), { minLength: 1, maxLength: 18 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(lineText, (text) => {
        const count = parseStrictInteger(Buffer.from(text, 'latin1'));
        const argumentsSent = count !== undefined && count > 0n && count <= 3n ? Number(count) : 0;
        const parsed = parseAll([Buffer.from(`*${text}\r\n${'$1\r\nx\r\n'.repeat(argumentsSent)}`, 'latin1')]);
        if (count === undefined || count > 2147483647n) expect(parsed).toEqual([{ kind: 'protocolError', message: 'Protocol error: invalid multibulk length' }]);
        else if (count <= 0n) expect(parsed).toEqual([{ kind: 'empty' }]);
        else if (count > 3n) expect(parsed).toEqual([]);
        else expect(parsed).toEqual([{ kind: 'command', argv: Array.from({ length: argumentsSent }, () => Buffer.from('x')) }]);
      }),
    );
  });

  it('hands every request naming the same command the same argv[0] Buffer, holding the name as sent', () => {
    const parsed = parseAll([Buffer.concat([encodeRequest(['SET', 'k', 'v']), encodeRequest(['set', 'k', 'w']), encodeRequest(['SET', 'k', 'x'])])]);
    const names = parsed.map((request) => (request.kind === 'command' ? request.argv[0] : undefined));
    expect(names).toEqual([Buffer.from('SET'), Buffer.from('set'), Buffer.from('SET')]);
    expect(names[2]).toBe(names[0]);
    expect(names[1]).not.toBe(names[0]);
    // The values are each request's own.
    expect(parsed.map((request) => (request.kind === 'command' ? request.argv[2]?.toString() : ''))).toEqual(['v', 'w', 'x']);
  });

  it('keeps bytes that follow a request when more arrive before compact', () => {
    const parser = new RequestParser();
    parser.append(Buffer.from('*1\r\n$4\r\nPING\r\n*1\r\n$4\r\nPI'));
    expect(parser.next(policy)).toEqual({ kind: 'command', argv: [Buffer.from('PING')] });
    parser.append(Buffer.from('NG\r\n'));
    expect(parser.next(policy)).toEqual({ kind: 'command', argv: [Buffer.from('PING')] });
    expect(parser.next(policy)).toBeUndefined();
    expect(parser.pendingBytes()).toBe(0);
  });
});
