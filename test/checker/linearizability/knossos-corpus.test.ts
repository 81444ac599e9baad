import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knossosCorpusRoot } from '../../support/knossos-corpus.js';
import { checkLinearizability } from '../../../src/checker/linearizability/check-linearizability.js';
import type { ModelName } from '../../../src/checker/linearizability/model.js';
import { parseHistory } from '../../../src/history/history-format.js';

/** ../shared/corpora/knossos (jepsen-io/knossos data/, verdict-labelled). */
const corpusRoot = knossosCorpusRoot();

interface CorpusFile {
  readonly model: ModelName;
  readonly verdict: 'good' | 'bad';
  readonly name: string;
  readonly path: string;
}

function corpusFiles(): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const model of ['cas-register', 'multi-register'] as const) {
    for (const verdict of ['good', 'bad'] as const) {
      let names: string[] = [];
      try {
        names = readdirSync(join(corpusRoot, model, verdict)).filter((name) => name.endsWith('.edn'));
      } catch {
        continue;
      }
      for (const name of names.sort()) files.push({ model, verdict, name, path: join(corpusRoot, model, verdict, name) });
    }
  }
  return files;
}

const files = corpusFiles();
/** A file that takes longer than this is a failure, not a skip. */
const perFileStatesMax = 2_000_000;

describe('the Knossos corpus (initial value 0)', () => {
  it('is all there: cas-register good and bad, multi-register good', () => {
    expect(files.filter((file) => file.model === 'cas-register' && file.verdict === 'good').length).toBeGreaterThan(100);
    expect(files.filter((file) => file.model === 'cas-register' && file.verdict === 'bad')).toHaveLength(7);
    expect(files.filter((file) => file.model === 'multi-register').length).toBeGreaterThanOrEqual(1);
  });

  it('gets every verdict right, deciding each file within the state limit, all in well under a minute', () => {
    const startMs = performance.now();
    const wrong: string[] = [];
    for (const file of files) {
      const history = parseHistory(readFileSync(file.path, 'utf8'), file.path);
      const result = checkLinearizability(history, { model: file.model, initialValue: 0, statesMax: perFileStatesMax });
      const expected = file.verdict === 'good';
      if (result.valid !== expected) wrong.push(`${file.model}/${file.verdict}/${file.name}: ${String(result.valid)}`);
    }
    expect(wrong).toEqual([]);
    expect(performance.now() - startMs).toBeLessThan(30_000);
  });

  for (const file of files.filter((candidate) => candidate.verdict === 'bad')) {
    it(`reports for ${file.name} a non-empty window that alone is not linearizable`, () => {
      const history = parseHistory(readFileSync(file.path, 'utf8'), file.path);
      const result = checkLinearizability(history, { model: file.model, initialValue: 0 });
      expect(result.valid).toBe(false);
      if (result.valid !== false) return;
      expect(result.window.length).toBeGreaterThan(0);
      expect(result.windowOperations).toBeLessThanOrEqual(result.windowOperationsBeforeMinimizing);
      expect(result.window.map((op) => op.index)).toContain(result.failedOp.invoke.index);
      const recheck = checkLinearizability(result.window, { model: file.model, initialValue: 0 });
      expect(recheck.valid).toBe(false);
      expect(result.explanation).toContain(`op ${result.failedOp.invoke.index}`);
    });
  }

  it('also finds the unminimized prefix window of each bad file non-linearizable', () => {
    for (const file of files.filter((candidate) => candidate.verdict === 'bad')) {
      const history = parseHistory(readFileSync(file.path, 'utf8'), file.path);
      const result = checkLinearizability(history, { model: file.model, initialValue: 0, minimizeChecksMax: 0 });
      expect(result.valid).toBe(false);
      if (result.valid !== false) continue;
      expect(result.windowOperations).toBe(result.windowOperationsBeforeMinimizing);
      expect(checkLinearizability(result.window, { model: file.model, initialValue: 0 }).valid).toBe(false);
    }
  });
});
