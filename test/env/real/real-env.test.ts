import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvError } from '../../../src/core/errors.js';
import type { CloseReason, Connection } from '../../../src/env/network.js';
import { createRealEnv } from '../../../src/env/real/real-env.js';
import { RealListener } from '../../../src/env/real/real-network.js';
import { findFreeLoopbackPort } from '../../support/free-port.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

describe('real env', () => {
  let baseDir = '';
  beforeEach(() => {
    baseDir = mkdtempSync(join(tmpdir(), 'redsim-real-env-'));
  });
  afterEach(() => {
    rmSync(baseDir, { recursive: true, force: true });
  });

  it('echoes bytes over a real TCP connection on loopback, then closes it in order', async () => {
    const env = createRealEnv({ baseDir, seed: 1, log: () => undefined });
    const listener = env.net.listen(0, (connection: Connection) => ({
      onData: (data) => connection.write(data),
      onClose: () => undefined,
    }));
    expect(listener).toBeInstanceOf(RealListener);
    const port = await (listener as RealListener).whenListening();
    expect(port).toBeGreaterThan(0);
    const echoed = await new Promise<{ text: string; reason: CloseReason }>((resolve) => {
      let text = '';
      const client = env.net.connect({ host: '127.0.0.1', port }, {
        onConnect: () => client.write(encoder.encode('ping over loopback')),
        onData: (data) => {
          text += decoder.decode(data);
          if (text.length >= 'ping over loopback'.length) client.close();
        },
        onClose: (reason) => resolve({ text, reason }),
      });
    });
    (listener as RealListener).close();
    expect(echoed).toEqual({ text: 'ping over loopback', reason: 'closed' });
  });

  it('reports a refused connection as onClose(refused)', async () => {
    const env = createRealEnv({ baseDir, seed: 1, log: () => undefined });
    const port = await findFreeLoopbackPort();
    const reason = await new Promise<CloseReason>((resolve) => {
      env.net.connect({ host: '127.0.0.1', port }, { onData: () => undefined, onClose: resolve });
    });
    expect(reason).toBe('refused');
  });

  it('writes, fsyncs, renames and reads back a real file, and fsyncs its directory', async () => {
    const env = createRealEnv({ baseDir, seed: 1, log: () => undefined });
    expect(env.fs.mkdir('data')).toBeUndefined();
    const handle = env.fs.open('data/file.tmp', { create: true, truncate: true });
    if (handle instanceof EnvError) throw handle;
    expect(handle.append(encoder.encode('hello '))).toBe(6);
    expect(handle.append(encoder.encode('world'))).toBe(5);
    expect(handle.pwrite(encoder.encode('W'), 6)).toBe(1);
    expect(handle.fsync()).toBeUndefined();
    const backgroundResult = await new Promise((resolve) => handle.fsyncInBackground(resolve));
    expect(backgroundResult).toBeUndefined();
    expect(handle.size()).toBe(11);
    handle.close();
    expect(env.fs.rename('data/file.tmp', 'data/file')).toBeUndefined();
    expect(env.fs.fsyncDirectory('data')).toBeUndefined();
    expect(env.fs.readdir('data')).toEqual(['file']);
    const content = env.fs.readFile('data/file');
    expect(content instanceof EnvError ? content.code : decoder.decode(content)).toBe('hello World');
    expect(env.fs.stat('data/file')).toEqual({ size: 11, isDirectory: false });
  });

  it('returns operating errors as EnvError values with their codes', () => {
    const env = createRealEnv({ baseDir, seed: 1, log: () => undefined });
    const missing = env.fs.readFile('absent');
    expect(missing instanceof EnvError ? missing.code : 'no error').toBe('ENOENT');
    expect(env.fs.mkdir('twice')).toBeUndefined();
    const again = env.fs.mkdir('twice');
    expect(again instanceof EnvError ? again.code : 'no error').toBe('EEXIST');
    const openMissing = env.fs.open('absent', { create: false, truncate: false });
    expect(openMissing instanceof EnvError ? openMissing.code : 'no error').toBe('ENOENT');
  });

  it('reads the wall clock and a monotonic clock, and runs timers', async () => {
    const env = createRealEnv({ baseDir, seed: 1, log: () => undefined });
    const before = env.clock.monotonicUs();
    const wallMs = env.clock.nowMs();
    expect(Math.abs(wallMs - Date.now())).toBeLessThan(1000);
    expect(Math.abs(env.clock.nowUs() / 1000 - wallMs)).toBeLessThan(1000);
    const order: string[] = [];
    await new Promise<void>((resolve) => {
      const cancelled = env.timers.after(1, () => order.push('cancelled'));
      env.timers.cancel(cancelled);
      env.timers.after(5, () => {
        order.push('after');
        resolve();
      });
      env.timers.soon(() => order.push('soon'));
    });
    expect(order).toEqual(['soon', 'after']);
    expect(env.clock.monotonicUs() - before).toBeGreaterThanOrEqual(4000);
  });
});
