import { valueAsText, valueKey } from '../../history/op-value.js';
import type { OpValue } from '../../history/op.js';
import { pairOperations, type Operation } from '../../history/operation.js';
import type { DurabilityInput, LostWrite } from './durability-input.js';

const registerWriteNames: ReadonlySet<string> = new Set(['write', 'put', 'set']);
const elementAddNames: ReadonlySet<string> = new Set(['add', 'sadd']);
const appendNames: ReadonlySet<string> = new Set(['append', 'rpush']);

function lostWrite(operation: Operation, found: OpValue): LostWrite | undefined {
  if (operation.completion === null) return undefined;
  return { key: operation.key ?? '', invoke: operation.invoke, completion: operation.completion, expected: operation.invoke.value, found };
}

/**
 * Register writes on one key: the recovered value must be that of a write
 * not superseded (no ok write began after it completed). Otherwise the
 * latest acknowledged writes are lost.
 */
function lostRegisterWrites(writes: readonly Operation[], found: OpValue): LostWrite[] {
  const acknowledged = writes.filter((write) => write.outcome === 'ok');
  if (acknowledged.length === 0) return [];
  const latestOkInvoke = acknowledged.reduce((latest, write) => Math.max(latest, write.invoke.index), -1);
  const current = writes.filter((write) => write.outcome === 'info' || (write.completion?.index ?? Number.POSITIVE_INFINITY) > latestOkInvoke);
  if (current.some((write) => valueKey(write.invoke.value) === valueKey(found))) return [];
  return current.filter((write) => write.outcome === 'ok').flatMap((write) => lostWrite(write, found) ?? []);
}

function holdsElement(found: OpValue, element: OpValue): boolean {
  if (Array.isArray(found)) return (found as readonly OpValue[]).some((item) => valueKey(item) === valueKey(element));
  const text = valueAsText(found);
  const piece = valueAsText(element);
  return text !== undefined && piece !== undefined && text.includes(piece);
}

/** Acknowledged writes (register writes, set adds, appends) that the recovered state does not show. */
export function findLostWrites(input: DurabilityInput): { readonly acknowledged: number; readonly lost: readonly LostWrite[] } {
  const pairing = pairOperations(input.history);
  if (!pairing.ok) return { acknowledged: 0, lost: [] };
  const registerWrites = new Map<string, Operation[]>();
  const lost: LostWrite[] = [];
  let acknowledged = 0;
  for (const operation of pairing.operations) {
    const key = operation.key ?? '';
    const found = input.recovered[key] ?? null;
    if (operation.outcome === 'ok' && (registerWriteNames.has(operation.f) || elementAddNames.has(operation.f) || appendNames.has(operation.f))) acknowledged++;
    if (registerWriteNames.has(operation.f) && operation.outcome !== 'fail') {
      const writes = registerWrites.get(key) ?? [];
      writes.push(operation);
      registerWrites.set(key, writes);
    } else if ((elementAddNames.has(operation.f) || appendNames.has(operation.f)) && operation.outcome === 'ok' && !holdsElement(found, operation.invoke.value)) {
      const write = lostWrite(operation, found);
      if (write !== undefined) lost.push(write);
    }
  }
  for (const [key, writes] of registerWrites) lost.push(...lostRegisterWrites(writes, input.recovered[key] ?? null));
  lost.sort((left, right) => left.invoke.index - right.invoke.index);
  return { acknowledged, lost };
}
