import { assert, InvariantError } from '../../core/assert.js';
import type { LuaTable, LuaValue, LuaVm } from './lua/api.js';
import { errorTable } from './script-errors.js';

/** Nesting of a command's reply (a few levels at most; a bound against a bug). */
const DEPTH_MAX = 64;

/**
 * redisProtocolToLuaType (script_lua.c): one reply the script's client got,
 * as RESP2 or RESP3 bytes, turned into the Lua value redis.call returns:
 * integer → number, bulk → string, null bulk / null array → false, array →
 * table, status → {ok=...}, error → {err=..., ignore_error_stats_update=true};
 * RESP3: map → {map={...}}, set → {set={k=true}}, null → nil, boolean,
 * double → {double=n}, big number → {big_number=s}, verbatim →
 * {verbatim_string={format=, string=}}; attributes are skipped.
 */
export function replyToLua(vm: LuaVm, reply: Buffer): LuaValue {
  const reader = new ReplyReader(vm, reply);
  const value = reader.value(0);
  assert(reader.position === reply.length, 'a command wrote exactly one reply');
  return value;
}

class ReplyReader {
  position = 0;

  constructor(
    private readonly vm: LuaVm,
    private readonly data: Buffer,
  ) {}

  value(depth: number): LuaValue {
    assert(depth < DEPTH_MAX, 'a reply nests a bounded number of levels');
    const marker = this.data[this.position++];
    const line = this.line();
    switch (marker) {
      case 0x2b: return this.single('ok', line); // +
      case 0x2d: return errorTable(this.vm, `-${line}`, true); // -
      case 0x3a: return Number(line); // :
      case 0x24: return line === '-1' ? false : this.blob(Number(line)); // $
      case 0x2a: return line === '-1' ? false : this.array(Number(line), depth); // *
      case 0x5f: return undefined; // _
      case 0x23: return line === 't'; // #
      case 0x2c: return this.single('double', parseDouble(line)); // ,
      case 0x28: return this.single('big_number', line); // (
      case 0x3d: return this.verbatim(this.blob(Number(line))); // =
      case 0x25: return this.single('map', this.map(Number(line), depth)); // %
      case 0x7e: return this.single('set', this.set(Number(line), depth)); // ~
      case 0x7c: return this.skipAttribute(Number(line), depth); // |
      default: throw new InvariantError(`a reply marker the script client understands: ${String(marker)}`);
    }
  }

  private line(): string {
    const end = this.data.indexOf('\r\n', this.position, 'latin1');
    assert(end !== -1, 'a reply line ends with CRLF');
    const text = this.data.toString('latin1', this.position, end);
    this.position = end + 2;
    return text;
  }

  private blob(length: number): string {
    const text = this.data.toString('latin1', this.position, this.position + length);
    this.position += length + 2;
    return text;
  }

  private single(field: string, value: LuaValue): LuaTable {
    const table = this.vm.newTable();
    table.set(field, value);
    return table;
  }

  private array(length: number, depth: number): LuaTable {
    const table = this.vm.newTable();
    for (let index = 1; index <= length; index++) table.set(index, this.value(depth + 1));
    return table;
  }

  private map(pairs: number, depth: number): LuaTable {
    const table = this.vm.newTable();
    for (let index = 0; index < pairs; index++) {
      const key = this.value(depth + 1);
      const value = this.value(depth + 1);
      if (key !== undefined) table.set(key, value);
    }
    return table;
  }

  private set(length: number, depth: number): LuaTable {
    const table = this.vm.newTable();
    for (let index = 0; index < length; index++) {
      const member = this.value(depth + 1);
      if (member !== undefined) table.set(member, true);
    }
    return table;
  }

  private verbatim(text: string): LuaTable {
    const inner = this.vm.newTable();
    inner.set('string', text.slice(4));
    inner.set('format', text.slice(0, 3));
    return this.single('verbatim_string', inner);
  }

  private skipAttribute(pairs: number, depth: number): LuaValue {
    for (let index = 0; index < pairs * 2; index++) this.value(depth + 1);
    return this.value(depth);
  }
}

function parseDouble(text: string): number {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  if (text === 'nan' || text === '-nan') return NaN;
  return Number(text);
}
