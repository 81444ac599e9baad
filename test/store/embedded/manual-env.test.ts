import { describe, expect, it } from 'vitest';
import { EnvError } from '../../../src/core/errors.js';
import { createManualEnv, DEFAULT_START_EPOCH_MS } from '../../../src/env/manual/manual-env.js';

describe('manual env', () => {
  it('fires timers in (due time, creation) order as time advances, never by itself', () => {
    const env = createManualEnv({ seed: 1 });
    const fired: string[] = [];
    env.timers.after(20, () => fired.push(`b@${env.clock.nowMs() - DEFAULT_START_EPOCH_MS}`));
    env.timers.after(10, () => {
      fired.push(`a@${env.clock.nowMs() - DEFAULT_START_EPOCH_MS}`);
      env.timers.soon(() => fired.push('soon-after-a'));
      env.timers.after(5, () => fired.push(`c@${env.clock.nowMs() - DEFAULT_START_EPOCH_MS}`));
    });
    const cancelled = env.timers.after(12, () => fired.push('cancelled'));
    env.timers.cancel(cancelled);
    expect(fired).toEqual([]);
    env.timers.advanceBy(30);
    expect(fired).toEqual(['a@10', 'soon-after-a', 'c@15', 'b@20']);
    expect(env.clock.nowMs()).toBe(DEFAULT_START_EPOCH_MS + 30);
    expect(env.clock.monotonicUs()).toBe(30_000);
  });

  it('skews the wall clock without touching monotonic time', () => {
    const env = createManualEnv({ seed: 1 });
    env.clock.skewBy(-5000);
    expect(env.clock.nowMs()).toBe(DEFAULT_START_EPOCH_MS - 5000);
    expect(env.clock.monotonicUs()).toBe(0);
  });

  it('keeps files in memory with POSIX-like errors', () => {
    const env = createManualEnv({ seed: 1 });
    expect(env.fs.open('dir/a', { create: true, truncate: false })).toBeInstanceOf(EnvError);
    expect(env.fs.mkdir('dir')).toBeUndefined();
    const handle = env.fs.open('dir/a', { create: true, truncate: false });
    if (handle instanceof EnvError) throw handle;
    handle.append(Buffer.from('hello'));
    handle.pwrite(Buffer.from('J'), 0);
    expect(handle.fsync()).toBeUndefined();
    expect(Buffer.from(env.fs.readFile('dir/a') as Uint8Array).toString()).toBe('Jello');
    expect(env.fs.rename('dir/a', 'dir/b')).toBeUndefined();
    expect(env.fs.readdir('dir')).toEqual(['b']);
    expect(env.fs.open('dir/b', { create: true, truncate: false, exclusive: true })).toBeInstanceOf(EnvError);
    expect(env.fs.unlink('dir/b')).toBeUndefined();
    expect(env.fs.exists('dir/b')).toBe(false);
  });

  it('refuses outgoing connections', () => {
    const env = createManualEnv({ seed: 1 });
    const reasons: string[] = [];
    env.net.connect({ host: 'elsewhere', port: 1 }, { onData: () => undefined, onClose: (reason) => reasons.push(reason) });
    env.timers.runPending();
    expect(reasons).toEqual(['refused']);
  });
});
