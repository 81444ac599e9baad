/** The shebang flags of Redis 7.0 (script.c scripts_flags_def); `evalCompatible` means no shebang. */
export interface ScriptFlags {
  readonly evalCompatible: boolean;
  readonly noWrites: boolean;
  readonly allowOom: boolean;
  readonly allowStale: boolean;
  readonly noCluster: boolean;
  readonly allowCrossSlotKeys: boolean;
}

export const EVAL_COMPATIBLE_FLAGS: ScriptFlags = { evalCompatible: true, noWrites: false, allowOom: false, allowStale: false, noCluster: false, allowCrossSlotKeys: false };

const FLAG_NAMES: Readonly<Record<string, keyof Omit<ScriptFlags, 'evalCompatible'>>> = {
  'no-writes': 'noWrites',
  'allow-oom': 'allowOom',
  'allow-stale': 'allowStale',
  'no-cluster': 'noCluster',
  'allow-cross-slot-keys': 'allowCrossSlotKeys',
};

/** A parsed body: its flags and the shebang's length (the line feed is kept so line numbers stay right). */
export type ShebangResult = { readonly flags: ScriptFlags; readonly shebangLength: number } | { readonly error: string };

/** evalExtractShebangFlags: `#!lua flags=a,b` on the first line, or eval-compatible without a shebang. */
export function extractShebangFlags(body: Buffer): ShebangResult {
  if (body.length < 2 || body[0] !== 0x23 || body[1] !== 0x21) return { flags: EVAL_COMPATIBLE_FLAGS, shebangLength: 0 };
  const end = body.indexOf(0x0a);
  if (end === -1) return { error: 'Invalid script shebang' };
  const parts = splitShebang(body.subarray(0, end).toString('latin1'));
  if (parts.length === 0) return { error: 'Invalid engine in script shebang' };
  if (parts[0] !== '#!lua') return { error: `Unexpected engine in script shebang: ${parts[0] ?? ''}` };
  const flags: { -readonly [K in keyof ScriptFlags]: ScriptFlags[K] } = { ...EVAL_COMPATIBLE_FLAGS, evalCompatible: false };
  for (const part of parts.slice(1)) {
    if (!part.startsWith('flags=')) return { error: `Unknown lua shebang option: ${part}` };
    // sdssplitlen of an empty string gives no parts: `flags=` sets none.
    const names = part.length === 6 ? [] : part.slice(6).split(',');
    for (const name of names) {
      const field = FLAG_NAMES[name];
      if (field === undefined) return { error: `Unexpected flag in script shebang: ${name}` };
      flags[field] = true;
    }
  }
  return { flags, shebangLength: end };
}

/** sdssplitargs for the shebang line: words separated by blanks (quotes are rare here and kept simple). */
function splitShebang(line: string): string[] {
  return line.split(/[ \t\r\v\f]+/).filter((word) => word.length > 0);
}
