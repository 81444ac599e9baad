import fc from 'fast-check';
import { command, keys } from '../arguments.js';
import type { Operation } from '../operation.js';

/**
 * MULTI/EXEC/DISCARD/WATCH/UNWATCH/RESET on their own: nested MULTI, EXEC
 * without MULTI, WATCH inside MULTI... (never inside a transaction block:
 * RESET ends MULTI, and a blocking pop after it would block).
 */
export const transactionCommands: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 2, arbitrary: command('MULTI') },
  { weight: 2, arbitrary: command('EXEC') },
  command('DISCARD'),
  { weight: 3, arbitrary: command('WATCH', keys(1, 2)) },
  command('UNWATCH'),
  command('RESET'),
);

/**
 * A whole transaction: MULTI, queued commands (blocking pops among them: in
 * MULTI they do not block), then EXEC, DISCARD, or nothing (the sequence's
 * final EXEC closes it). The MULTI itself never gets arity noise: outside a
 * transaction a blocking pop on an empty list would hang the test.
 */
export function transactionBlock(queued: fc.Arbitrary<Operation>): fc.Arbitrary<Operation[]> {
  const ending = fc.oneof(
    { weight: 6, arbitrary: command('EXEC').map((op) => [op]) },
    { weight: 1, arbitrary: command('DISCARD').map((op) => [op]) },
    { weight: 1, arbitrary: fc.constant([]) },
  );
  return fc
    .tuple(command('MULTI'), fc.array(queued, { maxLength: 6 }), ending)
    .map(([multi, inner, end]) => [multi, ...inner, ...end]);
}
