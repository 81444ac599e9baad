import { argumentBytes, type CommandArgument } from './resp-encoder.js';
import type { RespReply } from './resp-reply.js';

/** Bytes as a double-quoted string: printable ASCII kept, the rest escaped (\r, \n, \t, \xHH). */
export function escapeBytes(data: Buffer): string {
  let text = '"';
  for (const byte of data) text += escapeByte(byte);
  return `${text}"`;
}

function escapeByte(byte: number): string {
  switch (byte) {
    case 0x22:
      return '\\"';
    case 0x5c:
      return '\\\\';
    case 0x0d:
      return '\\r';
    case 0x0a:
      return '\\n';
    case 0x09:
      return '\\t';
    default:
      return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
}

/** One argument as a human reads it: bare when it is a plain word, quoted and escaped otherwise. */
export function formatArgument(argument: CommandArgument): string {
  const data = argumentBytes(argument);
  const text = data.toString('latin1');
  return /^[A-Za-z0-9_.:*+\-[\]()#>$&|,;=?!@%^{}~<']+$/.test(text) ? text : escapeBytes(data);
}

export function formatCommand(argv: readonly CommandArgument[]): string {
  return argv.map(formatArgument).join(' ');
}

/** A reply in one line, close to redis-cli's notation; nested arrays in brackets. */
export function formatReply(reply: RespReply): string {
  switch (reply.kind) {
    case 'status':
      return `+${reply.text}`;
    case 'error':
      return `-${reply.text}`;
    case 'integer':
      return `:${reply.value.toString()}`;
    case 'bulk':
      return reply.value === null ? '(nil bulk)' : escapeBytes(reply.value);
    case 'array':
      return reply.items === null ? '(nil array)' : `[${reply.items.map(formatReply).join(', ')}]`;
  }
}
