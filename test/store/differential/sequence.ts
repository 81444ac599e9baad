import fc from 'fast-check';
import { operation, type Operation } from './operation.js';
import { transactionBlock, transactionCommands } from './generators/transactions.js';

/**
 * Wrong arity now and then: drop the last argument, keep only the name,
 * or add one. Applied to single commands, never to a transaction block's MULTI.
 */
export function withArityNoise(commands: fc.Arbitrary<Operation>): fc.Arbitrary<Operation> {
  return fc.oneof(
    { weight: 24, arbitrary: commands },
    {
      weight: 1,
      arbitrary: fc.tuple(commands, fc.constantFrom('drop-last', 'name-only', 'add-one')).map(([op, noise]) => {
        if (noise === 'drop-last') return operation(op.argv.slice(0, Math.max(1, op.argv.length - 1)));
        if (noise === 'name-only') return operation(op.argv.slice(0, 1));
        return operation([...op.argv, 'extra']);
      }),
    },
  );
}

export interface SequenceShape {
  /** Command generators of the families under test, each with its weight (multiples of 0.1). */
  readonly families: readonly { readonly weight: number; readonly commands: fc.Arbitrary<Operation> }[];
  /** Generators that may only run inside MULTI (blocking pops). */
  readonly blockingCommands?: fc.Arbitrary<Operation>;
  /** Weight of standalone MULTI/EXEC/WATCH... and of whole transaction blocks (0: none). */
  readonly transactionWeight: number;
  readonly unitsMin: number;
  readonly unitsMax: number;
}

/**
 * One sequence in four starts with HELLO 3, so every family is also compared
 * in RESP3 (maps, sets, doubles, nulls, nested WITHSCORES pairs); shrinking
 * goes back to RESP2.
 */
const protocolSwitch: fc.Arbitrary<Operation[]> = fc.oneof({ weight: 3, arbitrary: fc.constant<Operation[]>([]) }, { weight: 1, arbitrary: fc.constant<Operation[]>([operation(['HELLO', '3'])]) });

/** A sequence of operations: family commands, with transactions mixed in as the shape says. */
export function sequenceArbitrary(shape: SequenceShape): fc.Arbitrary<Operation[]> {
  return fc.tuple(protocolSwitch, familySequenceArbitrary(shape)).map(([hello, operations]) => [...hello, ...operations]);
}

function familySequenceArbitrary(shape: SequenceShape): fc.Arbitrary<Operation[]> {
  const single = withArityNoise(fc.oneof(...shape.families.map(({ weight, commands }) => ({ weight: Math.round(weight * 10), arbitrary: commands }))));
  const queued = shape.blockingCommands === undefined ? single : fc.oneof({ weight: 5, arbitrary: single }, { weight: 1, arbitrary: shape.blockingCommands });
  const units: { weight: number; arbitrary: fc.Arbitrary<Operation[]> }[] = [{ weight: 200, arbitrary: single.map((op) => [op]) }];
  if (shape.transactionWeight > 0) {
    units.push({ weight: shape.transactionWeight * 10, arbitrary: withArityNoise(transactionCommands).map((op) => [op]) });
    units.push({ weight: shape.transactionWeight * 10, arbitrary: transactionBlock(queued) });
  }
  return fc.array(fc.oneof(...units), { minLength: shape.unitsMin, maxLength: shape.unitsMax, size: 'max' }).map((chunks) => chunks.flat());
}
