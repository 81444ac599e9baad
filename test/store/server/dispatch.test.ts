import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/embedded.js';
import { rawReply } from './support/store-helpers.js';

/** Expected replies below were captured from a real redis-server 7.0.15. */
describe('command dispatch', () => {
  it('replies the unknown command error with its quoted arguments', () => {
    const store = createStore();
    expect(rawReply(store, 'FOO bar "baz qux"\r\n')).toBe("-ERR unknown command 'FOO', with args beginning with: 'bar' 'baz qux' \r\n");
    expect(rawReply(store, 'FOO\r\n')).toBe("-ERR unknown command 'FOO', with args beginning with: \r\n");
  });

  it('truncates the quoted arguments of an unknown command after 128 bytes', () => {
    const store = createStore();
    const reply = store.command(['nope', 'a'.repeat(100), 'b'.repeat(100), 'c']).toString('latin1');
    expect(reply).toBe(`-ERR unknown command 'nope', with args beginning with: '${'a'.repeat(100)}' '${'b'.repeat(25)}' \r\n`);
  });

  it('replies arity errors with the full lowercase command name', () => {
    const store = createStore();
    expect(rawReply(store, 'ECHO\r\n')).toBe("-ERR wrong number of arguments for 'echo' command\r\n");
    expect(rawReply(store, 'config\r\n')).toBe("-ERR wrong number of arguments for 'config' command\r\n");
    expect(rawReply(store, 'CONFIG GET\r\n')).toBe("-ERR wrong number of arguments for 'config|get' command\r\n");
    expect(rawReply(store, 'OBJECT FREQ foo bar\r\n')).toBe("-ERR wrong number of arguments for 'object|freq' command\r\n");
  });

  it('replies the unknown subcommand error of a container command', () => {
    const store = createStore();
    expect(rawReply(store, 'config foo\r\n')).toBe("-ERR unknown subcommand 'foo'. Try CONFIG HELP.\r\n");
    expect(rawReply(store, 'CLIENT FOO\r\n')).toBe("-ERR unknown subcommand 'FOO'. Try CLIENT HELP.\r\n");
  });

  it('refuses commands before AUTH when a password is required', () => {
    const store = createStore({ config: { requirepass: 'secret' } });
    expect(rawReply(store, 'PING\r\n')).toBe('-NOAUTH Authentication required.\r\n');
    expect(rawReply(store, 'AUTH wrong\r\n')).toBe('-WRONGPASS invalid username-password pair or user is disabled.\r\n');
    expect(rawReply(store, 'AUTH secret\r\n')).toBe('+OK\r\n');
    expect(rawReply(store, 'PING\r\n')).toBe('+PONG\r\n');
  });

  it('aborts EXEC itself with EXECABORT when it is refused, with the reason Redis gives', () => {
    const store = createStore({ config: { requirepass: 'pw' } });
    expect(rawReply(store, 'EXEC\r\n')).toBe('-EXECABORT Transaction discarded because of: NOAUTH Authentication required.\r\n');
    store.call('AUTH', 'pw');
    expect(rawReply(store, 'MULTI\r\nEXEC x\r\nEXEC\r\n')).toBe(
      "+OK\r\n-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' command\r\n-ERR EXEC without MULTI\r\n",
    );
  });

  it('answers a protocol error and then closes the connection', () => {
    const store = createStore();
    const client = store.client();
    expect(rawReply(client, '*1\r\nfoo\r\n')).toBe("-ERR Protocol error: expected '$', got 'f'\r\n");
    expect(client.isClosed()).toBe(true);
    expect(store.node.stats.errorCounts.get('ERR')).toBe(1);
  });

  it('executes pipelined commands in order and stops reading after QUIT', () => {
    const store = createStore();
    expect(rawReply(store, 'PING\r\nQUIT\r\nPING\r\n')).toBe('+PONG\r\n+OK\r\n');
    expect(store.isClosed()).toBe(true);
  });

  it('skips empty requests and reads multibulk and inline forms alike', () => {
    const store = createStore();
    expect(rawReply(store, '*0\r\n*-1\r\n\r\nPING\r\n*1\r\n$4\r\nPING\r\n')).toBe('+PONG\r\n+PONG\r\n');
  });

  it('closes a connection that sends an HTTP request line', () => {
    const store = createStore();
    expect(rawReply(store, 'POST / HTTP/1.1\r\n')).toBe('');
    expect(store.isClosed()).toBe(true);
  });

  it('closes a client whose query buffer exceeds client-query-buffer-limit', () => {
    const store = createStore({ config: { 'client-query-buffer-limit': '1mb' } });
    const client = store.client();
    client.sendRaw(`*1\r\n$${2 * 1024 * 1024}\r\n${'a'.repeat(1024 * 1024 + 10)}`);
    expect(client.isClosed()).toBe(true);
  });

  it('refuses DEBUG unless enable-debug-command allows it', () => {
    expect(rawReply(createStore(), 'DEBUG DIGEST\r\n')).toBe(
      '-ERR DEBUG command not allowed. If the enable-debug-command option is set to "local", you can run it from a local connection, otherwise you need to set this option in the configuration file, and then restart the server.\r\n',
    );
    expect(rawReply(createStore({ config: { 'enable-debug-command': 'yes' } }), 'DEBUG DIGEST\r\n')).toBe(`+${'0'.repeat(40)}\r\n`);
  });

  it('counts commands and their steps', () => {
    const store = createStore();
    store.call('PING');
    store.call('PING');
    expect(store.node.steps().get('ping')?.calls).toBe(2);
    expect(store.node.stats.numCommands).toBe(2);
  });
});
