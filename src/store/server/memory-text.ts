const MEMORY_UNITS: Readonly<Record<string, bigint>> = {
  '': 1n, b: 1n, k: 1000n, kb: 1024n, m: 1000n * 1000n, mb: 1024n * 1024n, g: 1000n ** 3n, gb: 1024n ** 3n,
};

/** memtoull (util.c): digits with an optional unit (k, kb, m, mb, g, gb, b), no sign. */
export function parseMemory(text: string): bigint | undefined {
  const match = /^(\d*)(.*)$/s.exec(text);
  if (match === null) return undefined;
  const unit = MEMORY_UNITS[(match[2] ?? '').toLowerCase()];
  if (unit === undefined) return undefined;
  const digits = match[1] ?? '';
  const value = digits === '' ? 0n : BigInt(digits);
  if (value >= 1n << 64n) return undefined;
  return value * unit;
}
