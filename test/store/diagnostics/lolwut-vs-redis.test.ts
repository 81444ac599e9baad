import { describe, expect, it } from 'vitest';
import { useRealRedisConnection } from '../../support/use-real-redis.js';
import { createStore } from '../../../src/store/embedded.js';
import { decodeAllReplies } from '../../support/resp-decoder.js';
import type { RespReply } from '../../support/resp-reply.js';

function textOf(reply: RespReply | undefined): string {
  if (reply?.kind !== 'bulk' || reply.value === null) throw new Error(`not a bulk reply: ${String(reply?.kind)}`);
  return reply.value.toString('utf8');
}

/** Per line, how many coloured pixels (escape sequences) it has, and which colours occur at all. */
function grayShape(text: string): { readonly pixelsPerLine: number[]; readonly colors: string[]; readonly footer: string } {
  const lines = text.split('\n');
  const art = lines.slice(0, -3);
  const colors = new Set<string>();
  for (const match of text.matchAll(/\x1b\[(0;\d+;\d+m) \x1b\[0m/g)) colors.add(match[1] as string);
  return { pixelsPerLine: art.map((line) => line.split('\x1b[0m').length - 1), colors: Array.from(colors).sort(), footer: lines.slice(-3).join('\n') };
}

describe('LOLWUT art against redis-server 7.0.15', () => {
  const real = useRealRedisConnection();

  async function both(argv: readonly string[]): Promise<{ readonly ours: string; readonly expected: string }> {
    const expected = textOf(await real().command(argv));
    const ours = textOf(decodeAllReplies(createStore().command(argv))[0]);
    return { ours, expected };
  }

  it('draws Schotter (VERSION 5): same size and footer, and the same unrotated first rows of squares', async () => {
    for (const argv of [['LOLWUT', 'VERSION', '5'], ['LOLWUT', 'VERSION', '5', '40', '4', '6'], ['LOLWUT', 'VERSION', '5', '1', '1', '1']]) {
      const { ours, expected } = await both(argv);
      const oursLines = ours.split('\n');
      const expectedLines = expected.split('\n');
      expect(oursLines.length, argv.join(' ')).toBe(expectedLines.length);
      expect(oursLines.map((line) => line.length)).toEqual(expectedLines.map((line) => line.length));
      expect(oursLines.slice(-2)).toEqual(expectedLines.slice(-2));
      // Squares of the first two rows are drawn without randomness: their text rows must be identical.
      expect(oursLines.slice(0, 6)).toEqual(expectedLines.slice(0, 6));
    }
  });

  it('draws the skyline (VERSION 6): same size, palette and footer', async () => {
    for (const argv of [['LOLWUT', 'VERSION', '6'], ['LOLWUT', 'VERSION', '6', '30', '7']]) {
      const { ours, expected } = await both(argv);
      const oursShape = grayShape(ours);
      const expectedShape = grayShape(expected);
      expect(oursShape.pixelsPerLine).toEqual(expectedShape.pixelsPerLine);
      expect(oursShape.footer).toBe(expectedShape.footer);
      expect(expectedShape.colors).toEqual(expect.arrayContaining(oursShape.colors));
      expect(oursShape.colors.length).toBeGreaterThan(1);
    }
  });

  it('refuses art arguments that are not integers, as Redis does', async () => {
    for (const argv of [['LOLWUT', 'VERSION', '5', 'x'], ['LOLWUT', 'VERSION', '6', '10', 'y']]) {
      const expected = await real().command(argv);
      const [ours] = decodeAllReplies(createStore().command(argv));
      expect(ours?.raw.toString()).toBe(expected.raw.toString());
    }
  });
});
