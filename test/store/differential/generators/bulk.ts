import fc from 'fast-check';
import { key } from '../arguments.js';
import { operation, type Operation } from '../operation.js';

/**
 * One command that fills a collection past a default encoding threshold
 * (512 intset entries, 128 zset / 512 hash listpack entries): the
 * conversions a sequence of small commands cannot reach under the defaults.
 */
const size = fc.constantFrom(100, 129, 130, 513, 520);

const integers = (count: number, offset: number): string[] => Array.from({ length: count }, (_, index) => String(index * 3 + offset));

export const bulkFillCommands: fc.Arbitrary<Operation> = fc.oneof(
  fc.tuple(key, size, fc.integer({ min: 0, max: 2 })).map(([target, count, offset]) => operation(['SADD', target, ...integers(count, offset)])),
  fc.tuple(key, size).map(([target, count]) => operation(['ZADD', target, ...integers(count, 0).flatMap((member, index) => [String(index % 7), `m${member}`])])),
  fc.tuple(key, size).map(([target, count]) => operation(['HSET', target, ...integers(count, 0).flatMap((field) => [`f${field}`, field])])),
  fc.tuple(key, size).map(([target, count]) => operation(['RPUSH', target, ...integers(count, 1)])),
);
