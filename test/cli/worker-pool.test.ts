import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/cli/worker-pool.js';

/** A worker that squares numbers after a delay that makes them finish out of order; -1 kills the thread, -2 throws. */
const workerSource = `
import { parentPort, threadId } from 'node:worker_threads';
parentPort.on('message', ({ taskId, task }) => {
  if (task === -1) process.exit(3);
  if (task === -2) { parentPort.postMessage({ taskId, error: 'task -2 is refused' }); return; }
  const until = Date.now() + ((task % 3) + 1) * 15;
  while (Date.now() < until) {}
  parentPort.postMessage({ taskId, result: { square: task * task, threadId } });
});
`;

function workerFile(): URL {
  const directory = mkdtempSync(join(tmpdir(), 'redsim-pool-'));
  const file = join(directory, 'square-worker.mjs');
  writeFileSync(file, workerSource);
  return pathToFileURL(file);
}

type Result = { readonly square: number; readonly threadId: number } | { readonly failed: string };

describe('WorkerPool', () => {
  let pool: WorkerPool<number, Result> | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('returns results in task order whatever order the workers finish in, using every worker', async () => {
    pool = new WorkerPool<number, Result>({ workerUrl: workerFile(), workers: 3, workerData: null, failed: (_task, message) => ({ failed: message }) });
    const tasks = Array.from({ length: 20 }, (_, index) => index + 1);
    const finished: number[] = [];
    const events: string[] = [];
    const results = await pool.run(
      tasks,
      (task) => {
        finished.push(task);
        events.push(`end ${task}`);
      },
      (task) => events.push(`start ${task}`),
    );
    for (const task of tasks) expect(events.indexOf(`start ${task}`)).toBeLessThan(events.indexOf(`end ${task}`));
    expect(events.filter((event) => event.startsWith('start'))).toHaveLength(tasks.length);
    expect(results.map((result) => ('square' in result ? result.square : -1))).toEqual(tasks.map((task) => task * task));
    expect(new Set(results.map((result) => ('threadId' in result ? result.threadId : 0))).size).toBe(3);
    expect([...finished].sort((a, b) => a - b)).toEqual(tasks);
  });

  it('fails the task of a worker that died or refused, replaces the worker and finishes the batch', async () => {
    pool = new WorkerPool<number, Result>({ workerUrl: workerFile(), workers: 2, workerData: null, failed: (_task, message) => ({ failed: message }) });
    const results = await pool.run([2, -1, 3, -2, 4, -1, 5]);
    expect(results.map((result) => ('square' in result ? result.square : 'failed'))).toEqual([4, 'failed', 9, 'failed', 16, 'failed', 25]);
    expect(results[1]).toEqual({ failed: 'worker thread exited with code 3' });
    expect(results[3]).toEqual({ failed: 'task -2 is refused' });
    const again = await pool.run([6]);
    expect(again).toEqual([{ square: 36, threadId: expect.any(Number) as number }]);
  });

  it('resolves an empty batch at once and refuses a pool without workers', async () => {
    pool = new WorkerPool<number, Result>({ workerUrl: workerFile(), workers: 1, workerData: null, failed: (_task, message) => ({ failed: message }) });
    expect(await pool.run([])).toEqual([]);
    expect(() => new WorkerPool<number, Result>({ workerUrl: workerFile(), workers: 0, workerData: null, failed: () => ({ failed: '' }) })).toThrow(RangeError);
  });
});
