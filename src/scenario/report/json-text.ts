/** JSON that survives any value a report holds: bytes as UTF-8 text, bigints as decimal text, Infinity as null. */
export function reportJson(value: unknown, indent = 2): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (item instanceof Uint8Array) return Buffer.from(item).toString('utf8');
      if (typeof item === 'bigint') return item.toString();
      if (typeof item === 'number' && !Number.isFinite(item)) return null;
      return item;
    },
    indent,
  );
}
