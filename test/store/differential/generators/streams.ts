import fc from 'fast-check';
import { clauses, command, key, keys, optional, word } from '../arguments.js';
import type { Operation, OperationArgument } from '../operation.js';

/**
 * Stream commands with explicit IDs only: `*` IDs, delivery times, idle
 * times and the rax node count depend on the clock or on Redis's internal
 * layout, so XINFO STREAM, XINFO CONSUMERS and extended XPENDING stay out
 * (they are compared in test/store/streams and the persistence tests).
 */
const streamId = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 3 })).map(([ms, seq]) => `${ms}-${seq}`) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 12 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('0-0', '18446744073709551615-18446744073709551615', 'x', '-1', '1-x', '') },
);
const addId = fc.oneof({ weight: 8, arbitrary: streamId }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 12 }).map((ms) => `${ms}-*`) });
const rangeId = fc.oneof({ weight: 4, arbitrary: streamId }, { weight: 1, arbitrary: fc.constantFrom('-', '+') }, { weight: 1, arbitrary: streamId.map((id) => `(${id}`) });
const fieldName = fc.constantFrom('f', 'g', 'h', '1');
const fieldValue = fc.constantFrom('v', '1', '-3', 'long-value-'.repeat(3), '');
const fieldPairs = fc.array(fc.tuple(fieldName, fieldValue), { minLength: 1, maxLength: 3 }).map((pairs) => pairs.flat());
const count = fc.constantFrom('0', '1', '2', '5', '-1', 'x');
const group = fc.constantFrom('g1', 'g2');
const consumer = fc.constantFrom('alice', 'bob');

const trimClause = (strategy: string): fc.Arbitrary<OperationArgument[]> =>
  fc.tuple(word(strategy), fc.constantFrom<OperationArgument[]>([], ['='], ['~']), strategy === 'MAXLEN' ? fc.constantFrom('0', '1', '3', '-1', 'x') : streamId, optional(word('LIMIT'), count)).map((parts) => parts.flat());
const trim = fc.oneof(trimClause('MAXLEN'), trimClause('MINID'));

const idList = fc.array(streamId, { minLength: 1, maxLength: 3 });
const readStreams = fc.tuple(keys(1, 2), fc.constantFrom('0', '$', '2-0', '5')).map(([chosen, id]): OperationArgument[] => ['STREAMS', ...chosen, ...chosen.map(() => id)]);
const groupReadStreams = fc.tuple(keys(1, 2), fc.constantFrom('>', '>', '0', '3-0')).map(([chosen, id]): OperationArgument[] => ['STREAMS', ...chosen, ...chosen.map(() => id)]);

export const streamCommands: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 10, arbitrary: command('XADD', key, optional(word('NOMKSTREAM')), optional(trim), addId, fieldPairs) },
  command('XLEN', key),
  { weight: 3, arbitrary: command('XRANGE', key, rangeId, rangeId, optional(word('COUNT'), count)) },
  { weight: 2, arbitrary: command('XREVRANGE', key, rangeId, rangeId, optional(word('COUNT'), count)) },
  { weight: 2, arbitrary: command('XDEL', key, idList) },
  { weight: 2, arbitrary: command('XTRIM', key, trim) },
  { weight: 2, arbitrary: command('XREAD', optional(word('COUNT'), count), readStreams) },
  { weight: 3, arbitrary: command('XGROUP', 'CREATE', key, group, fc.constantFrom('$', '0', '3-0'), clauses([word('MKSTREAM').map((item) => [item]), fc.tuple(word('ENTRIESREAD'), fc.constantFrom('0', '2', '-1', '-2')).map((items): OperationArgument[] => [...items])], 2)) },
  command('XGROUP', 'SETID', key, group, fc.constantFrom('$', '0', '4-0'), optional(word('ENTRIESREAD'), fc.constantFrom('1', '-1'))),
  command('XGROUP', 'DESTROY', key, group),
  command('XGROUP', 'CREATECONSUMER', key, group, consumer),
  command('XGROUP', 'DELCONSUMER', key, group, consumer),
  { weight: 4, arbitrary: command('XREADGROUP', 'GROUP', group, consumer, optional(word('COUNT'), count), optional(word('NOACK')), groupReadStreams) },
  { weight: 2, arbitrary: command('XACK', key, group, idList) },
  command('XPENDING', key, group),
  command('XINFO', 'GROUPS', key),
  command('XSETID', key, streamId, optional(word('ENTRIESADDED'), fc.constantFrom('0', '5', '20')), optional(word('MAXDELETEDID'), streamId)),
  command('XCLAIM', key, group, consumer, '0', idList, fc.constantFrom<OperationArgument[]>(['JUSTID'], ['JUSTID', 'FORCE'], ['JUSTID', 'LASTID', '9-0'])),
  command('XAUTOCLAIM', key, group, consumer, '0', fc.constantFrom('0', '(2-0', '5'), optional(word('COUNT'), fc.constantFrom('1', '3', '0')), 'JUSTID'),
);
