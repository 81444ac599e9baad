import { describe, expect, it } from 'vitest';
import { SweepProgress } from '../../src/cli/progress.js';

function stream(isTTY: boolean): { isTTY: boolean; columns: number; text: string; write(text: string): boolean } {
  return {
    isTTY,
    columns: 120,
    text: '',
    write(text: string) {
      this.text += text;
      return true;
    },
  };
}

describe('SweepProgress', () => {
  it('writes one plain line per seed when not on a terminal', () => {
    const out = stream(false);
    let nowMs = 0;
    const progress = new SweepProgress(out, 2, () => nowMs);
    nowMs = 500;
    progress.seedFinished({ scenario: 'demo', seed: 7, verdict: 'invalid', outcome: 'unexpected', wallMs: 1234 });
    progress.seedFinished({ scenario: 'demo', seed: 8, verdict: 'valid', outcome: 'met', wallMs: 10 });
    progress.finish();
    expect(out.text).toBe('[1/2] demo seed 7: invalid (unexpected) 1.23 s\n[2/2] demo seed 8: valid (met) 0.01 s\n');
    expect(progress.failuresSoFar).toBe(1);
  });

  it('redraws one line in place on a terminal, with the rate and the failures so far', () => {
    const out = stream(true);
    let nowMs = 0;
    const progress = new SweepProgress(out, 4, () => nowMs);
    for (let seed = 1; seed <= 4; seed++) {
      nowMs = seed * 1000;
      progress.seedFinished({ scenario: 'demo', seed, verdict: 'valid', outcome: seed === 2 ? 'unexpected' : 'met', wallMs: 900 });
    }
    progress.finish();
    expect(out.text.split('\r\u001b[2K').length - 1).toBe(4);
    expect(out.text).toContain('[########################] 4/4 seeds  1.0 seeds/s  failures 1  demo');
    expect(out.text.endsWith('\n')).toBe(true);
    expect(out.text.split('\n')).toHaveLength(2);
  });
});
