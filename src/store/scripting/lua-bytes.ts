/** Lua strings are byte strings kept as latin1 JS strings (see lua/api.ts). */
export function bytesToLua(data: Buffer): string {
  return data.toString('latin1');
}

export function luaToBytes(text: string): Buffer {
  return Buffer.from(text, 'latin1');
}
