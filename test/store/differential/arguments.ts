import fc from 'fast-check';
import { operation, type Operation, type OperationArgument, type TimeToken } from './operation.js';

/**
 * The key space: few keys, so types collide (WRONGTYPE) and commands meet
 * each other's data; one key is binary. Members 1..5 name keys through the
 * pattern `k*` (SORT BY / GET).
 */
export const keyNames: readonly (string | Buffer)[] = ['k1', 'k2', 'k3', 'k4', 'k5', Buffer.from('k\x00\xff\r\n', 'latin1')];

export const key: fc.Arbitrary<OperationArgument> = fc.constantFrom(...keyNames);

export const keys = (minLength: number, maxLength: number): fc.Arbitrary<OperationArgument[]> =>
  fc.array(key, { minLength, maxLength });

/** A keyword in upper, lower or mixed case (Redis options are case-insensitive). */
export function word(text: string): fc.Arbitrary<string> {
  const mixed = [...text].map((char, index) => (index % 2 === 0 ? char.toUpperCase() : char.toLowerCase())).join('');
  return fc.constantFrom(text.toUpperCase(), text.toUpperCase(), text.toLowerCase(), mixed);
}

const edgeNumbers = [
  '0', '-0', '+1', '01', ' 1', '1 ', '-1', '9223372036854775807', '-9223372036854775808', '9223372036854775808',
  '-9223372036854775809', '1e308', '1e309', '-1e308', 'inf', '-inf', '+inf', 'nan', '3.14', '-2.5', '0.1', '1.5e3',
  '0x10', '1e-320', '4.9e-324', '17179869184', '2147483648', '-2147483649', '10.0', '1.',
] as const;

const binaryValues = ['\x00', '\xff\xfe', 'a\r\nb', '\x00\x00\x00', '\r\n', 'caf\xc3\xa9', '\x80'].map((text) => Buffer.from(text, 'latin1'));

const words = ['', 'a', 'b', 'c', 'foo', 'bar', 'hello world', 'k1', 'k2', 'aa', 'ab', 'abc'] as const;

/** Lengths around the embstr (44) and listpack-value (64) limits. */
const longValue: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(8, 9, 44, 45, 63, 64, 65, 100), fc.constantFrom('x', 'y', '7'))
  .map(([length, char]) => char.repeat(length));

export const smallInteger: fc.Arbitrary<string> = fc.integer({ min: -5, max: 20 }).map(String);

export const edgeNumber: fc.Arbitrary<string> = fc.constantFrom(...edgeNumbers);

/** Any string value: numbers (int-encodable or not), words, binary, long, random bytes. */
export const value: fc.Arbitrary<OperationArgument> = fc.oneof(
  { weight: 4, arbitrary: smallInteger },
  { weight: 2, arbitrary: edgeNumber },
  { weight: 4, arbitrary: fc.constantFrom(...words) },
  { weight: 1, arbitrary: fc.constantFrom(...binaryValues) },
  { weight: 1, arbitrary: longValue },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 6 }).map((bytes) => Buffer.from(bytes)) },
);

/** Collection members and hash fields: a small domain so they collide, mostly integers (intset). */
export const member: fc.Arbitrary<OperationArgument> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 9 }).map(String) },
  { weight: 3, arbitrary: fc.constantFrom('a', 'b', 'c', 'd') },
  { weight: 1, arbitrary: fc.constantFrom('-1', '-0', '01', '9223372036854775807', '-9223372036854775808', '9223372036854775808', '1.5', '') },
  { weight: 1, arbitrary: fc.constantFrom(...binaryValues) },
  { weight: 1, arbitrary: longValue },
);

export const members = (minLength: number, maxLength: number): fc.Arbitrary<OperationArgument[]> =>
  fc.array(member, { minLength, maxLength });

/** Integer arguments (counts, increments, offsets) with overflow and non-numbers. */
export const integerArgument: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -10, max: 10 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('9223372036854775807', '-9223372036854775808', '9223372036854775808', 'abc', '1.5', '', ' 1', '+2', '0x1') },
);

/** Start/stop indexes: small, negative, huge. */
export const indexArgument: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -8, max: 8 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('100', '-100', '9223372036854775807', '-9223372036854775808', 'x', '1.0') },
);

/** A count that is small in magnitude (random-sampling commands would allocate |count| items). */
export const sampleCount: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -6, max: 12 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0', '9223372036854775807', '-9223372036854775808', 'abc', '1.5') },
);

/** Floats: increments and scores. */
export const floatArgument: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 10 }).map(String) },
  { weight: 2, arbitrary: fc.constantFrom('1.5', '-0.5', '0.1', '2.5e-3', '1e10', '3.0', '-0', '17.5') },
  { weight: 1, arbitrary: edgeNumber },
);

/** Score range bounds: inclusive, exclusive, infinities, malformed. */
export const scoreBound: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -3, max: 10 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 10 }).map((n) => `(${n}`) },
  { weight: 2, arbitrary: fc.constantFrom('-inf', '+inf', 'inf', '(-inf', '(+inf', '1.5', '(1.5') },
  { weight: 1, arbitrary: fc.constantFrom('nan', 'abc', '(', '', '((1', '[1') },
);

/** Lex range bounds: [x, (x, - and +, and malformed ones. */
export const lexBound: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('[', '('), fc.constantFrom('a', 'b', 'c', '1', '5', '', 'aa')).map(([open, text]) => open + text) },
  { weight: 2, arbitrary: fc.constantFrom('-', '+') },
  { weight: 1, arbitrary: fc.constantFrom('a', '', '-a', '+a', '[') },
);

/** A KEYS/SCAN/PUBSUB pattern. */
export const pattern: fc.Arbitrary<string> = fc.constantFrom('*', 'k*', 'k[1-3]', 'k?', '*1*', 'x*', 'k\\*', '[a-c]', '?', 'k[^1]', '');

/** A relative TTL token (always far enough ahead for the test's duration). */
export const ttlToken = (unit: 's' | 'ms'): fc.Arbitrary<TimeToken> =>
  fc.integer({ min: 1, max: 100 }).map((thousands) => ({ kind: 'ttl', thousands, unit }) as const);

/** An absolute unix time token, in the future (most) or the past (deletes at once). */
export const atToken = (unit: 's' | 'ms'): fc.Arbitrary<TimeToken> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 100 }) },
    { weight: 1, arbitrary: fc.integer({ min: -100, max: -1 }) },
  ).map((thousands) => ({ kind: 'at', thousands, unit }) as const);

/** Expiry arguments that are invalid or extreme whatever the clock says. */
export const extremeTime: fc.Arbitrary<string> = fc.constantFrom('0', '-1', '-100', 'abc', '1.5', '9223372036854775807', '-9223372036854775808', '9223372036854776', '9223372036854775', '');

export type Part = fc.Arbitrary<OperationArgument> | fc.Arbitrary<OperationArgument[]> | fc.Arbitrary<string[]> | OperationArgument;

function toArbitrary(part: Part): fc.Arbitrary<OperationArgument | OperationArgument[]> {
  return part instanceof fc.Arbitrary ? part : fc.constant(part);
}

/** A command named `name` (in a random case now and then) followed by its parts, flattened. */
export function command(name: string, ...parts: Part[]): fc.Arbitrary<Operation> {
  const nameArbitrary = fc.oneof({ weight: 8, arbitrary: fc.constant(name.toUpperCase()) }, { weight: 1, arbitrary: word(name) });
  return fc.tuple(nameArbitrary, ...parts.map(toArbitrary)).map(([head, ...rest]) => operation([head, ...rest.flat()]));
}

/** Zero or one occurrence of the given parts (an optional clause). */
export function optional(...parts: Part[]): fc.Arbitrary<OperationArgument[]> {
  const clause = fc.tuple(...parts.map(toArbitrary)).map((items) => items.flat());
  return fc.oneof(fc.constant<OperationArgument[]>([]), clause);
}

/** A random subset of clauses in random order (option soup: SET NX GET EX ..., repeats allowed). */
export function clauses(choices: readonly fc.Arbitrary<OperationArgument[]>[], maxLength: number): fc.Arbitrary<OperationArgument[]> {
  return fc.array(fc.oneof(...choices), { maxLength }).map((items) => items.flat());
}
