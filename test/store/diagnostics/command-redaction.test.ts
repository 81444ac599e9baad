import { describe, expect, it } from 'vitest';
import { redactedArguments } from '../../../src/store/server/command-redaction.js';

function shown(commandName: string, argv: readonly string[]): string {
  return redactedArguments(commandName, argv.map((argument) => Buffer.from(argument))).map(String).join(' ');
}

describe('redactedArguments', () => {
  it('hides the secrets the Redis 7.0 handlers redact, as the slowlog and MONITOR tests expect', () => {
    expect(shown('migrate', ['migrate', 'h', '1', 'key', '9', '5000'])).toBe('migrate h 1 key 9 5000');
    expect(shown('migrate', ['migrate', 'h', '1', 'key', '9', '5000', 'AUTH', 'user'])).toBe('migrate h 1 key 9 5000 AUTH (redacted)');
    expect(shown('migrate', ['migrate', 'h', '1', '', '9', '5000', 'COPY', 'AUTH2', 'user', 'pw', 'KEYS', 'a'])).toBe('migrate h 1  9 5000 COPY AUTH2 (redacted) (redacted) KEYS a');
    expect(shown('acl|setuser', ['acl', 'setuser', 'name', '+get', '>pw'])).toBe('acl setuser (redacted) (redacted) (redacted)');
    expect(shown('config|set', ['config', 'set', 'masterauth', 'pw', 'hz', '10', 'REQUIREPASS', 'x'])).toBe('config set masterauth (redacted) hz 10 REQUIREPASS (redacted)');
    expect(shown('hello', ['hello', '3', 'SETNAME', 'n', 'AUTH', 'u', 'p'])).toBe('hello 3 SETNAME n AUTH (redacted) (redacted)');
  });

  it('leaves arguments alone where the handler fails before redacting', () => {
    expect(shown('auth', ['auth', 'a', 'b', 'c'])).toBe('auth a b c');
    expect(shown('hello', ['hello', '4', 'AUTH', 'u', 'p'])).toBe('hello 4 AUTH u p');
    expect(shown('config|set', ['config', 'set', 'requirepass'])).toBe('config set requirepass');
    expect(shown('set', ['set', 'auth', 'x'])).toBe('set auth x');
  });
});
