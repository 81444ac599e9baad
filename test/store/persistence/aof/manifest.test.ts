import { describe, expect, it } from 'vitest';
import { emptyManifest, formatManifest, parseManifest, withNewBase, withNewIncr, withRewrittenIncrAsHistory } from '../../../../src/store/persistence/aof/manifest.js';

describe('AOF manifest', () => {
  it('formats and parses back the lines Redis 7.0 writes', () => {
    const text = 'file appendonly.aof.2.base.rdb seq 2 type b\nfile appendonly.aof.1.incr.aof seq 1 type h\nfile appendonly.aof.3.incr.aof seq 3 type i\n';
    const parsed = parseManifest(text);
    expect('error' in parsed).toBe(false);
    if ('error' in parsed) return;
    expect(parsed.base?.name).toBe('appendonly.aof.2.base.rdb');
    expect(parsed.incr.map((info) => info.seq)).toEqual([3]);
    expect(formatManifest(parsed)).toBe(text);
  });

  it('names new base and incr files as Redis does and turns the rewritten ones into history', () => {
    const started = withNewIncr(withNewBase(emptyManifest, 'appendonly.aof', true), 'appendonly.aof');
    expect(formatManifest(started)).toBe('file appendonly.aof.1.base.rdb seq 1 type b\nfile appendonly.aof.1.incr.aof seq 1 type i\n');
    const rewriting = withNewIncr(started, 'appendonly.aof');
    const done = withRewrittenIncrAsHistory(withNewBase(rewriting, 'appendonly.aof', false), true);
    expect(formatManifest(done)).toBe(
      'file appendonly.aof.2.base.aof seq 2 type b\nfile appendonly.aof.1.incr.aof seq 1 type h\nfile appendonly.aof.1.base.rdb seq 1 type h\nfile appendonly.aof.2.incr.aof seq 2 type i\n',
    );
  });

  it('rejects what Redis rejects, naming the line', () => {
    expect(parseManifest('')).toEqual({ error: 'Found an empty AOF manifest', line: 0 });
    expect(parseManifest('file a seq 1 type b\nfile b seq 2 type b\n')).toEqual({ error: 'Found duplicate base file information', line: 2 });
    expect(parseManifest('file a seq 2 type i\nfile b seq 1 type i\n')).toEqual({ error: 'Found a non-monotonic sequence number', line: 2 });
    expect(parseManifest('file dir/a seq 1 type i\n')).toEqual({ error: "File can't be a path, just a filename", line: 1 });
    expect(parseManifest('file a seq 1 type x\n')).toEqual({ error: 'Unknown AOF file type', line: 1 });
    expect(parseManifest('file a seq 1\n')).toEqual({ error: 'Invalid AOF manifest file format', line: 1 });
    expect(parseManifest('# comment\nfile a seq 1 type i\n')).toMatchObject({ incr: [{ name: 'a', seq: 1, type: 'i' }] });
  });
});
