import { describe, expect, it } from 'vitest';
import type { SimHost } from '../../../src/sim/sim-host.js';
import { type RecoveryRecord, noRecovery, refusalCauseOf } from '../../../src/scenario/recovery/start-refusal.js';
import { startRefusalFailure } from '../../../src/scenario/recovery/start-refusal-verdict.js';

const FMTERR = 'Bad file format reading the append only file appendonly.aof.1.incr.aof: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>';

function host(name: string, state: string, incarnation: number): SimHost {
  return { name, state, incarnation } as unknown as SimHost;
}

function recordOf(incarnation: number, repaired: boolean): RecoveryRecord {
  const refusal = { host: 'n1', atUs: 2_130_000, incarnation, cause: 'aof-format-error' as const, message: FMTERR, warnings: [FMTERR] };
  const repair = { host: 'n1', atUs: 2_630_000, command: 'redis-check-aof --fix appendonlydir/appendonly.aof.manifest', outcome: 'truncated' as const, file: 'appendonly.aof.1.incr.aof', fromBytes: 900, toBytes: 512, output: [] };
  return { ...noRecovery, startRefusals: [refusal], repairs: repaired ? [repair] : [] };
}

describe('what refused starts make of a run', () => {
  it('the cause and line come from the warnings Redis logged', () => {
    expect(refusalCauseOf(['Fatal error loading the append only files. Exiting.'])).toEqual({ cause: 'other', message: 'Fatal error loading the append only files. Exiting.' });
    expect(refusalCauseOf([FMTERR, 'Fatal error loading the append only files. Exiting.'])).toEqual({ cause: 'aof-format-error', message: FMTERR });
    expect(refusalCauseOf(["Unexpected end of file reading the append only file x. You can: ..."]).cause).toBe('aof-unexpected-eof');
  });

  it('no refusal changes nothing, whatever the expectation', () => {
    for (const expectation of [undefined, 'none', 'allowed', 'required'] as const) expect(startRefusalFailure(noRecovery, [host('n1', 'running', 1)], expectation)).toBeNull();
  });

  it('a node still down from its refusal is a liveness failure even where refusals are allowed', () => {
    const failure = startRefusalFailure(recordOf(2, false), [host('n1', 'exited', 2)], 'allowed');
    expect(failure).toEqual({ phase: 'start-refused', reason: `n1 refused to start at 2.130 s: ${FMTERR}; it stayed down: no repair was attempted (recovery.onAofLoadError: none)` });
  });

  it('a repaired refusal is a finding only where the scenario expects none', () => {
    const repaired = recordOf(2, true);
    const running = [host('n1', 'running', 3)];
    expect(startRefusalFailure(repaired, running, 'allowed')).toBeNull();
    expect(startRefusalFailure(repaired, running, 'required')).toBeNull();
    expect(startRefusalFailure(repaired, running, undefined)?.reason).toContain('repaired, but the scenario expects none');
    expect(startRefusalFailure(repaired, running, 'none')?.phase).toBe('start-refused');
  });
});
