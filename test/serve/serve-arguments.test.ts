import { describe, expect, it } from 'vitest';
import { parseServeArguments } from '../../src/cli/serve/serve-arguments.js';

describe('redsim serve arguments, parsed as redis-server parses its own', () => {
  it('groups each --name with the words that follow it, keeping their order', () => {
    const parsed = parseServeArguments(['--port', '7000', '--replicaof', 'host', '6380', '--bind', '127.0.0.1', '::1']);
    expect('problem' in parsed).toBe(false);
    if ('problem' in parsed) return;
    expect(parsed.directives.map((directive) => [directive.name, directive.args])).toEqual([
      ['port', ['7000']],
      ['replicaof', ['host', '6380']],
      ['bind', ['127.0.0.1', '::1']],
    ]);
  });

  it('takes the config file from --config or from a first bare argument', () => {
    const viaFlag = parseServeArguments(['--config', '/etc/redis.conf', '--port', '1']);
    const viaFirst = parseServeArguments(['/etc/redis.conf', '--port', '1']);
    expect('problem' in viaFlag ? undefined : viaFlag.configFile).toBe('/etc/redis.conf');
    expect('problem' in viaFirst ? undefined : viaFirst.configFile).toBe('/etc/redis.conf');
  });

  it('reads a bare --save as an empty save (persistence off), as redis-server does', () => {
    const parsed = parseServeArguments(['--save', '--port', '1']);
    expect('problem' in parsed ? undefined : parsed.directives[0]?.args).toEqual(['']);
  });

  it('accepts --name=value and lowercases directive names', () => {
    const parsed = parseServeArguments(['--MaxClients=20']);
    expect('problem' in parsed ? undefined : parsed.directives[0]).toMatchObject({ name: 'maxclients', args: ['20'] });
  });

  it('refuses a stray word that belongs to no directive', () => {
    const parsed = parseServeArguments(['/etc/redis.conf', 'stray']);
    expect('problem' in parsed ? parsed.problem.problem : '').toMatch(/Unexpected argument 'stray'/);
  });
});
