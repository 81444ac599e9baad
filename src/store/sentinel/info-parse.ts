/** An INFO reply as fields, plus the replicas a master lists (slaveN:ip=...,port=...). */
export interface ParsedInfo {
  readonly fields: ReadonlyMap<string, string>;
  readonly replicas: readonly { readonly host: string; readonly port: number }[];
}

export function parseInfo(text: string): ParsedInfo {
  const fields = new Map<string, string>();
  const replicas: { host: string; port: number }[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.endsWith('\r') ? line.slice(0, -1) : line;
    const colon = trimmed.indexOf(':');
    if (colon <= 0 || trimmed.startsWith('#')) continue;
    const name = trimmed.slice(0, colon);
    const value = trimmed.slice(colon + 1);
    fields.set(name, value);
    if (/^slave\d+$/.test(name)) {
      const parts = new Map(value.split(',').map((pair) => pair.split('=') as [string, string]));
      const host = parts.get('ip');
      const port = Number(parts.get('port'));
      if (host !== undefined && Number.isInteger(port) && port > 0) replicas.push({ host, port });
    }
  }
  return { fields, replicas };
}

/** A numeric field, or `fallback` when absent or not a number. */
export function numberField(info: ParsedInfo, name: string, fallback: number): number {
  const value = Number(info.fields.get(name));
  return Number.isFinite(value) && info.fields.has(name) ? value : fallback;
}
