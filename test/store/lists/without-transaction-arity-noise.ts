import type { DifferentialTarget } from '../differential/target.js';

const transactionCommands = new Set(['multi', 'exec', 'discard']);

/**
 * A target that sends `PING` in place of MULTI/EXEC/DISCARD given extra
 * arguments. The family tests wrap both servers in it: they exercise list
 * and hash commands inside transactions, while the arity rules of the
 * transaction commands belong to (and are tested by) the transaction family.
 */
export function withoutTransactionArityNoise(inner: DifferentialTarget): DifferentialTarget {
  const clean = (argv: readonly Buffer[]): readonly Buffer[] => {
    const name = argv[0]?.toString('latin1').toLowerCase() ?? '';
    return transactionCommands.has(name) && argv.length > 1 ? [Buffer.from('PING')] : argv;
  };
  return {
    label: inner.label,
    begin: (config, clockMs) => inner.begin(config, clockMs),
    run: (commands) => inner.run(commands.map(clean)),
    close: () => inner.close(),
  };
}
