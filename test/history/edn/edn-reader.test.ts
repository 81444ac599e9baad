import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { ednNestingMax, readEdnForms } from '../../../src/history/edn/edn-reader.js';

function read(text: string) {
  return readEdnForms(text, 'test.edn').map((form) => form.value);
}

function problemOf(text: string): InputError {
  try {
    readEdnForms(text, 'bad.edn');
  } catch (error: unknown) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`no error for ${text}`);
}

describe('EDN reader', () => {
  it('reads scalars: nil, booleans, integers (with N), floats (with M), strings with escapes, keywords, symbols, characters', () => {
    expect(read('nil true false 42 -7 12N 1.5 -2e3 3.25M "a\\"b\\n\\u0041" :f :ns/name sym \\a \\newline')).toEqual([
      null, true, false, 42, -7, 12, 1.5, -2000, 3.25, 'a"b\nA',
      { kind: 'keyword', name: 'f' }, { kind: 'keyword', name: 'ns/name' }, { kind: 'symbol', name: 'sym' },
      { kind: 'character', text: 'a' }, { kind: 'character', text: '\n' },
    ]);
  });

  it('reads vectors, lists, sets and maps; commas are whitespace; ; comments and #_ forms are skipped', () => {
    const [value] = read('; a comment\n{:a [1, 2 #_ 99], :b (x) :c #{:k}} ; trailing');
    expect(value).toEqual({
      kind: 'map',
      line: 2,
      entries: [
        [{ kind: 'keyword', name: 'a' }, { kind: 'vector', items: [1, 2] }],
        [{ kind: 'keyword', name: 'b' }, { kind: 'list', items: [{ kind: 'symbol', name: 'x' }] }],
        [{ kind: 'keyword', name: 'c' }, { kind: 'set', items: [{ kind: 'keyword', name: 'k' }] }],
      ],
    });
  });

  it('reads tagged values such as #jepsen.history.Op{...} and #inst "..."', () => {
    expect(read('#inst "2020-01-01"')).toEqual([{ kind: 'tagged', tag: 'inst', value: '2020-01-01' }]);
    const [op] = read('#jepsen.history.Op{:index 0}');
    expect(op).toMatchObject({ kind: 'tagged', tag: 'jepsen.history.Op', value: { kind: 'map' } });
  });

  it('gives the line of each top-level form', () => {
    expect(readEdnForms('{:a 1}\n\n{:a 2}', 'x.edn').map((form) => form.line)).toEqual([1, 3]);
  });

  it('names file, line and problem for malformed input, never crashing', () => {
    const cases: readonly [string, string, string][] = [
      ['[1 2', 'line 1', "']' missing"],
      ['\n\n"abc', 'line 3', 'never closes'],
      ['{:a}', 'line 1', 'even number'],
      ['[1 )', 'line 1', "')' where ']' was expected"],
      ['\n)', 'line 2', "unexpected ')'"],
      ['99999999999999999999', 'line 1', 'safe range'],
      ['1.2.3', 'line 1', 'not a number'],
      ['"\\q"', 'line 1', 'unknown string escape'],
      ['#<foo>', 'line 1', 'unknown dispatch'],
      [':', 'line 1', 'keyword needs a name'],
    ];
    for (const [text, where, problem] of cases) {
      const error = problemOf(text);
      expect(error.file).toBe('bad.edn');
      expect(error.where).toBe(where);
      expect(error.problem).toContain(problem);
    }
  });

  it('refuses nesting deeper than its limit with an input error, not a stack overflow', () => {
    const deep = '['.repeat(ednNestingMax + 5) + ']'.repeat(ednNestingMax + 5);
    expect(problemOf(deep).problem).toContain('nesting deeper');
    expect(read('['.repeat(50) + ']'.repeat(50))).toHaveLength(1);
  });
});
