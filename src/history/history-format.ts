import { InputError } from '../core/errors.js';
import { formatEdnHistory, parseEdnHistory } from './edn/edn-history.js';
import { formatJsonlHistory, parseJsonlHistory } from './jsonl-codec.js';
import type { Op } from './op.js';
import { pairOperations } from './operation.js';

export type HistoryFormat = 'jsonl' | 'edn';

/** By extension first (`.jsonl`/`.json`, `.edn`), else by content: a JSON object line starts with `{"`. */
export function detectHistoryFormat(file: string, text: string): HistoryFormat {
  const lower = file.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.json') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.edn')) return 'edn';
  for (const rawLine of text.split('\n')) {
    const line = rawLine.trim();
    if (line.length === 0 || line.startsWith(';')) continue;
    return /^\{\s*"/.test(line) ? 'jsonl' : 'edn';
  }
  return 'jsonl';
}

/**
 * Reads a history in either format and checks that invocations and
 * completions pair up; any problem is an `InputError` naming the file.
 */
export function parseHistory(text: string, file: string, format: HistoryFormat = detectHistoryFormat(file, text)): Op[] {
  const ops = format === 'edn' ? parseEdnHistory(text, file) : parseJsonlHistory(text, file);
  const pairing = pairOperations(ops);
  if (!pairing.ok) throw new InputError(file, `op ${pairing.problem.opIndex}`, pairing.problem.problem);
  return ops;
}

export function formatHistory(ops: readonly Op[], format: HistoryFormat): string {
  return format === 'edn' ? formatEdnHistory(ops) : formatJsonlHistory(ops);
}
