import { assertNever } from '../core/assert.js';
import type { Prng } from '../core/prng.js';
import type { OpPlan } from './op-plan.js';
import { counterIncrementPlan, counterReadPlan } from './plans/counter-plans.js';
import { kvAppendPlan, kvReadPlan, kvWritePlan } from './plans/kv-plans.js';
import { listAppendPlan, listAppendTransactionPlan, listReadPlan } from './plans/list-plans.js';
import { dequeuePlan, enqueuePlan } from './plans/queue-plans.js';
import { evalCasPlan } from './plans/eval-cas-plan.js';
import { casPlan, registerReadPlan, registerWritePlan } from './plans/register-plans.js';
import { setAddPlan, setReadPlan } from './plans/set-plans.js';
import { withWaitReplicas } from './plans/wait-replicas-plan.js';
import { defaultReadFraction, keyName, type OpMix, registerValuesMax, type WorkloadKind } from './workload-kind.js';

/** Unique values (set elements, list elements, append tokens), shared by all clients of a run. */
export class UniqueValues {
  private nextValue = 1;

  next(): number {
    return this.nextValue++;
  }
}

function readFractionOf(mix: OpMix): number {
  return mix.readFraction ?? defaultReadFraction[mix.kind];
}

function registerPlan(mix: OpMix, key: string, prng: Prng): OpPlan {
  const readFraction = readFractionOf(mix);
  const draw = prng.float();
  if (draw < readFraction) return registerReadPlan(key);
  if (mix.kind === 'register' || draw < readFraction + (1 - readFraction) / 2) return registerWritePlan(key, prng.int(registerValuesMax));
  const expected = prng.int(registerValuesMax);
  const next = prng.int(registerValuesMax);
  return mix.casVia === 'eval' ? evalCasPlan(key, expected, next) : casPlan(key, expected, next);
}

function kvPlan(mix: OpMix, key: string, prng: Prng, unique: UniqueValues): OpPlan {
  const draw = prng.float();
  const readFraction = readFractionOf(mix);
  if (draw < readFraction) return kvReadPlan(key);
  // Writes reset the string now and then, appends grow it; both carry unique text.
  if (draw < readFraction + (1 - readFraction) * 0.2) return kvWritePlan(key, `w${unique.next()},`);
  return kvAppendPlan(key, `${unique.next()},`);
}

function listAppendMixPlan(mix: OpMix, prng: Prng, unique: UniqueValues): OpPlan {
  const key = keyName(prng.int(mix.keys));
  if (prng.chance(readFractionOf(mix))) return listReadPlan(key);
  const appendsPerTransaction = mix.appendsPerTransaction ?? 1;
  if (appendsPerTransaction <= 1) return listAppendPlan(key, unique.next());
  const appends = Array.from({ length: appendsPerTransaction }, () => ({ key: keyName(prng.int(mix.keys)), element: unique.next() }));
  return listAppendTransactionPlan(appends);
}

/** The next operation of a client: its kind, key and value drawn from the client's stream; writes end with WAIT when the mix asks. */
export function nextPlan(mix: OpMix, prng: Prng, unique: UniqueValues): OpPlan {
  const plan = drawPlan(mix, prng, unique);
  return mix.waitReplicas === undefined ? plan : withWaitReplicas(plan, mix.waitReplicas);
}

function drawPlan(mix: OpMix, prng: Prng, unique: UniqueValues): OpPlan {
  const kind: WorkloadKind = mix.kind;
  switch (kind) {
    case 'register':
    case 'cas-register':
      return registerPlan(mix, keyName(prng.int(mix.keys)), prng);
    case 'kv':
      return kvPlan(mix, keyName(prng.int(mix.keys)), prng, unique);
    case 'counter': {
      const key = keyName(prng.int(mix.keys));
      return prng.chance(readFractionOf(mix)) ? counterReadPlan(key) : counterIncrementPlan(key, 1 + prng.int(5));
    }
    case 'set': {
      const key = keyName(prng.int(mix.keys));
      return prng.chance(readFractionOf(mix)) ? setReadPlan(key) : setAddPlan(key, unique.next());
    }
    case 'list-append':
      return listAppendMixPlan(mix, prng, unique);
    case 'queue': {
      const key = keyName(prng.int(mix.keys));
      return prng.chance(readFractionOf(mix)) ? dequeuePlan(key) : enqueuePlan(key, unique.next());
    }
    default:
      return assertNever(kind, 'a known workload kind');
  }
}

/** The read of one key after quiesce that the checkers take as the final state. */
export function finalReadPlan(kind: WorkloadKind, key: string): OpPlan {
  switch (kind) {
    case 'register':
    case 'cas-register':
      return registerReadPlan(key);
    case 'kv':
      return kvReadPlan(key);
    case 'counter':
      return counterReadPlan(key);
    case 'set':
      return setReadPlan(key);
    case 'list-append':
    case 'queue':
      return listReadPlan(key);
    default:
      return assertNever(kind, 'a known workload kind');
  }
}
