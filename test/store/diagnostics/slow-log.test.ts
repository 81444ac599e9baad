import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SlowLog, slowLogArguments, SLOWLOG_ENTRY_ARGUMENT_BYTES_MAX, SLOWLOG_ENTRY_ARGUMENTS_MAX } from '../../../src/store/server/slow-log.js';

function entry(argv: readonly string[]): Parameters<SlowLog['push']>[0] {
  return { timeSeconds: 1, durationUs: 5, argv: argv.map((argument) => Buffer.from(argument)), peerId: '127.0.0.1:1', clientName: '' };
}

describe('SlowLog', () => {
  it('keeps at most slowlog-max-len entries, newest first, with ids that keep counting after a reset', () => {
    const log = new SlowLog();
    for (let index = 0; index < 5; index++) log.push(entry([`c${index}`]), 3);
    expect(log.length).toBe(3);
    expect(log.newestFirst(10).map((logged) => [logged.id, logged.argv.map(String)])).toEqual([[4, ['c4']], [3, ['c3']], [2, ['c2']]]);
    log.reset();
    expect(log.length).toBe(0);
    log.push(entry(['after']), 3);
    expect(log.newestFirst(1)[0]?.id).toBe(5);
  });

  it('holds nothing with slowlog-max-len 0 and trims when the limit shrinks', () => {
    const log = new SlowLog();
    log.push(entry(['a']), 0);
    expect(log.length).toBe(0);
    for (const name of ['a', 'b', 'c']) log.push(entry([name]), 10);
    log.trim(1);
    expect(log.newestFirst(5).map((logged) => String(logged.argv[0]))).toEqual(['c']);
  });

  it('trims arguments as slowlogCreateEntry does: 32 kept at most, 128 bytes each, with notes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { minLength: 1, maxLength: 60 }), (raw) => {
        const argv = raw.map((bytes) => Buffer.from(bytes));
        const kept = slowLogArguments(argv);
        expect(kept.length).toBe(Math.min(argv.length, SLOWLOG_ENTRY_ARGUMENTS_MAX));
        kept.forEach((argument, index) => {
          const original = argv[index] as Buffer;
          if (argv.length > SLOWLOG_ENTRY_ARGUMENTS_MAX && index === kept.length - 1) {
            expect(argument.toString()).toBe(`... (${argv.length - SLOWLOG_ENTRY_ARGUMENTS_MAX + 1} more arguments)`);
          } else if (original.length > SLOWLOG_ENTRY_ARGUMENT_BYTES_MAX) {
            const note = `... (${original.length - SLOWLOG_ENTRY_ARGUMENT_BYTES_MAX} more bytes)`;
            expect(argument).toEqual(Buffer.concat([original.subarray(0, SLOWLOG_ENTRY_ARGUMENT_BYTES_MAX), Buffer.from(note)]));
          } else {
            expect(argument).toEqual(original);
          }
        });
      }),
    );
  });
});
