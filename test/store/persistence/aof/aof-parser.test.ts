import { describe, expect, it } from 'vitest';
import { parseAofCommands } from '../../../../src/store/persistence/aof/aof-parser.js';
import { encodeCommand } from '../../../../src/store/persistence/aof/resp-command.js';

const command = (...argv: string[]): Buffer => encodeCommand(argv.map((argument) => Buffer.from(argument, 'latin1')));
const names = (result: ReturnType<typeof parseAofCommands>): string[] => ('commands' in result ? result.commands.map((parsed) => parsed.argv.map((argument) => argument.toString()).join(' ')) : []);

describe('AOF command stream', () => {
  const whole = Buffer.concat([command('SET', 'a', '1'), Buffer.from('#TS:1700000000\r\n'), command('MULTI'), command('INCR', 'n'), command('EXEC')]);

  it('reads every command, skipping annotations', () => {
    const result = parseAofCommands(whole, 0, true);
    expect(result.status).toBe('ok');
    expect(names(result)).toEqual(['SET a 1', 'MULTI', 'INCR n', 'EXEC']);
  });

  it('cuts a file that ends inside a command at the end of the last whole one, at every cut point', () => {
    const first = command('SET', 'a', '1').length;
    const annotationEnd = first + '#TS:1700000000\r\n'.length;
    for (let cut = first + 1; cut < whole.length; cut++) {
      const result = parseAofCommands(whole.subarray(0, cut), 0, true);
      expect(names(result)).toEqual(['SET a 1']);
      // Inside or right after the annotation line nothing is cut short; from the MULTI on, everything is.
      expect([cut, result.status]).toEqual([cut, cut <= annotationEnd ? 'ok' : 'truncated']);
      if (result.status === 'truncated') expect(result.validUpTo).toBe(first);
    }
  });

  it('drops a MULTI left open at the end, and fails instead when aof-load-truncated is off', () => {
    const open = Buffer.concat([command('SET', 'a', '1'), command('MULTI'), command('INCR', 'n')]);
    expect(parseAofCommands(open, 0, true)).toMatchObject({ status: 'truncated', validUpTo: command('SET', 'a', '1').length });
    expect(parseAofCommands(open, 0, false).status).toBe('failed');
  });

  it('cuts a short read inside a MULTI before the MULTI, where redis 7.0.15 cuts at the last queued command', () => {
    const set = command('SET', 'a', '1');
    const torn = Buffer.concat([set, command('MULTI'), command('RPUSH', 'l', 'x'), command('RPUSH', 'l', 'y').subarray(0, 10)]);
    expect(parseAofCommands(torn, 0, true)).toMatchObject({ status: 'truncated', validUpTo: set.length });
    const redis = parseAofCommands(torn, 0, true, true);
    expect(redis).toMatchObject({ status: 'truncated', validUpTo: set.length + command('MULTI').length + command('RPUSH', 'l', 'x').length });
    // What 7.0.15 leaves: an open MULTI, into which the next run's appends fall.
    const next = Buffer.concat([torn.subarray(0, redis.status === 'truncated' ? redis.validUpTo : 0), command('SELECT', '0'), command('RPUSH', 'l', 'later'), command('MULTI'), command('INCR', 'n'), command('EXEC')]);
    expect(names(parseAofCommands(next, 0, true))).toEqual(['SET a 1', 'MULTI', 'RPUSH l x', 'SELECT 0', 'RPUSH l later', 'MULTI', 'INCR n', 'EXEC']);
  });

  it('fails on a format error: a line that is not a command, or an argument without $', () => {
    const garbage = Buffer.concat([command('SET', 'a', '1'), Buffer.from('\u0000\u0000\u0000garbage\r\n')]);
    expect(parseAofCommands(garbage, 0, true)).toMatchObject({ status: 'failed', offset: command('SET', 'a', '1').length });
    expect(parseAofCommands(Buffer.from('*1\r\n+PING\r\n'), 0, true).status).toBe('failed');
    expect(parseAofCommands(Buffer.from('*0\r\n'), 0, true).status).toBe('failed');
  });

  it('does not check the two bytes after an argument, as Redis does not', () => {
    const result = parseAofCommands(Buffer.from('*1\r\n$4\r\nPINGxx'), 0, true);
    expect(names(result)).toEqual(['PING']);
  });
});
