import { describe, expect, test } from 'vitest';
import { exitCodeOfVerdict } from '../../src/scenario/exit-code.js';
import { decideVerdict } from '../../src/scenario/verdict.js';

const crash = { name: 'InvariantError', message: 'x', atUs: 1 };
const liveness = { phase: 'quiesce', reason: 'y' } as const;

describe('verdict', () => {
  test('crash wins over liveness, liveness over checks, invalid over unknown, unknown over valid', () => {
    expect(decideVerdict(crash, liveness, [false])).toBe('crash');
    expect(decideVerdict(null, liveness, [false])).toBe('liveness');
    expect(decideVerdict(null, null, [true, 'unknown', false])).toBe('invalid');
    expect(decideVerdict(null, null, [true, 'unknown'])).toBe('unknown');
    expect(decideVerdict(null, null, [true, true])).toBe('valid');
  });

  test('exit codes follow the contract', () => {
    expect([exitCodeOfVerdict('valid'), exitCodeOfVerdict('invalid'), exitCodeOfVerdict('unknown'), exitCodeOfVerdict('liveness'), exitCodeOfVerdict('crash')]).toEqual([0, 1, 2, 3, 4]);
  });
});
