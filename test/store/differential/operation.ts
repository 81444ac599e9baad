import fc from 'fast-check';
import type { CommandArgument } from '../../support/resp-encoder.js';
import { formatArgument } from '../../support/resp-format.js';

/**
 * A time argument resolved when the sequence runs, so that both servers see
 * the same bytes and no two expiry times in a sequence can tie (Redis's own
 * GT/LT and NX/XX outcomes would then depend on which millisecond each
 * command ran in).
 *  - `ttl`: a relative TTL of about `thousands` × 1000 seconds.
 *  - `at`: a unix time about `thousands` × 1000 seconds from the sequence's start
 *    (negative: in the past, so the key is deleted at once).
 */
export interface TimeToken {
  readonly kind: 'ttl' | 'at';
  readonly thousands: number;
  readonly unit: 's' | 'ms';
}

export type OperationArgument = CommandArgument | TimeToken;

/** One generated command, before probes are added and time tokens resolved. */
export interface Operation {
  readonly argv: readonly OperationArgument[];
}

export function isTimeToken(argument: OperationArgument): argument is TimeToken {
  return typeof argument === 'object' && !Buffer.isBuffer(argument);
}

function formatOperationArgument(argument: OperationArgument): string {
  if (!isTimeToken(argument)) return formatArgument(argument);
  const sign = argument.thousands < 0 ? '-' : '+';
  return argument.kind === 'ttl' ? `<ttl ~${argument.thousands}000${argument.unit}>` : `<now${sign}~${Math.abs(argument.thousands)}000s in ${argument.unit}>`;
}

export function formatOperation(operation: Operation): string {
  return operation.argv.map(formatOperationArgument).join(' ');
}

/** Builds an operation that fast-check prints as the command line it stands for. */
export function operation(argv: readonly OperationArgument[]): Operation {
  const built = { argv };
  Object.defineProperty(built, fc.toStringMethod, { value: () => formatOperation(built), enumerable: false });
  return built;
}

/** The lowercase command name, or '' when argv[0] is not plain text. */
export function commandName(argv: readonly OperationArgument[]): string {
  const first = argv[0];
  if (first === undefined || isTimeToken(first)) return '';
  return (typeof first === 'string' ? first : first.toString('latin1')).toLowerCase();
}
