import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/cli/serve/config-file.js';
import { resolveConfig } from '../../src/cli/serve/resolve-config.js';
import { parseServeArguments } from '../../src/cli/serve/serve-arguments.js';

const scratch = mkdtempSync(join(tmpdir(), 'redsim-serve-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function resolveFlags(...tokens: string[]): ReturnType<typeof resolveConfig> {
  const parsed = parseServeArguments(tokens);
  if ('problem' in parsed) throw new Error(parsed.problem.problem);
  return resolveConfig(parsed.directives);
}

function problemOf(result: ReturnType<typeof resolveConfig>): string {
  return 'problem' in result ? result.problem.problem : '';
}

describe('resolving redis.conf directives for redsim serve', () => {
  it('listens on loopback only unless bind says otherwise', () => {
    const defaults = resolveFlags();
    const everywhere = resolveFlags('--bind', '*', '-::*');
    expect('options' in defaults ? defaults.options['bind'] : '').toBe('127.0.0.1 -::1');
    expect('options' in everywhere ? everywhere.options['bind'] : '').toBe('* -::*');
  });

  it('refuses what redis-server refuses, with its words', () => {
    expect(problemOf(resolveFlags('--no-such-directive', 'x'))).toBe('Bad directive or wrong number of arguments');
    expect(problemOf(resolveFlags('--maxclients', 'abc'))).toBe("argument couldn't be parsed into an integer");
    expect(problemOf(resolveFlags('--appendonly', 'maybe'))).toBe("argument must be 'yes' or 'no'");
    expect(problemOf(resolveFlags('--save', '1'))).toBe('Invalid save parameters');
    expect(problemOf(resolveFlags('--port', '1', '2'))).toBe('wrong number of arguments');
    expect(problemOf(resolveFlags('--replicaof', 'host', 'port'))).toBe('Invalid master port');
    expect(problemOf(resolveFlags('--appendfsync', 'sometimes'))).toBe('argument(s) must be one of the following: everysec, always, no');
  });

  it('keeps a later value over an earlier one, and accumulates save lines like a config file', () => {
    const parsed = parseConfigText('port 7000\nsave 900 1\nsave 300 10\nport 7001\n', 'test.conf');
    if ('problem' in parsed) throw new Error(parsed.problem.problem);
    const resolved = resolveConfig(parsed.directives);
    expect('options' in resolved ? [resolved.options['port'], resolved.options['save']] : []).toEqual(['7001', '900 1 300 10']);
  });

  it('stores persistence and replication settings for the later layers', () => {
    const resolved = resolveFlags('--appendonly', 'yes', '--appendfsync', 'always', '--save', '60 100', '--replicaof', 'primary', '6380', '--requirepass', 'secret');
    expect('options' in resolved ? resolved.options : {}).toMatchObject({ appendonly: 'yes', appendfsync: 'always', save: '60 100', replicaof: 'primary 6380', requirepass: 'secret' });
  });

  it('checks the data directory: missing, or a file instead of a directory, is refused', () => {
    const file = join(scratch, 'plain-file');
    writeFileSync(file, 'x');
    expect(problemOf(resolveFlags('--dir', join(scratch, 'missing')))).toMatch(/No such file or directory/);
    expect(problemOf(resolveFlags('--dir', file))).toMatch(/Not a directory/);
    const good = resolveFlags('--dir', scratch);
    expect('options' in good ? good.options['dir'] : '').toBe(scratch);
  });

  it('ignores directives of features redsim lacks, saying so, and refuses ones it cannot honour', () => {
    const ignored = resolveFlags('--io-threads', '4', '--tls-port', '0');
    expect('warnings' in ignored ? ignored.warnings.length : 0).toBe(2);
    expect(problemOf(resolveFlags('--rename-command', 'FLUSHALL', '""'))).toMatch(/not supported by redsim/);
  });
});

describe('reading a redis.conf', () => {
  it('skips comments and blank lines, honours quotes, and names the line of an error', () => {
    const parsed = parseConfigText('# comment\n\nrequirepass "with space"\n  port 7000  \n', 'a.conf');
    if ('problem' in parsed) throw new Error(parsed.problem.problem);
    expect(parsed.directives.map((directive) => [directive.name, directive.args])).toEqual([
      ['requirepass', ['with space']],
      ['port', ['7000']],
    ]);
    const broken = parseConfigText('port 7000\nrequirepass "open\n', 'b.conf');
    expect('problem' in broken ? broken.problem : undefined).toMatchObject({ origin: 'line 2 of b.conf', problem: 'Unbalanced quotes in configuration line' });
  });

  it('expands include in place', () => {
    const included = join(scratch, 'included.conf');
    writeFileSync(included, 'maxclients 77\n');
    const parsed = parseConfigText(`port 7000\ninclude ${included}\ntimeout 5\n`, 'main.conf');
    if ('problem' in parsed) throw new Error(parsed.problem.problem);
    expect(parsed.directives.map((directive) => directive.name)).toEqual(['port', 'maxclients', 'timeout']);
  });

  it('stops an include cycle with an error instead of recursing forever', () => {
    const cyclic = join(scratch, 'cyclic.conf');
    writeFileSync(cyclic, `include ${cyclic}\n`);
    const parsed = parseConfigText(`include ${cyclic}\n`, 'main.conf');
    expect('problem' in parsed ? parsed.problem.problem : '').toMatch(/include nested deeper/);
  });
});
