import { describe, expect, it } from 'vitest';
import { buildCommandTable } from '../../../src/store/commands/table.js';
import { commandTraits } from '../../../src/store/server/command-traits.js';

describe('command traits', () => {
  it('agree with the flags and names of every command and subcommand of the table', () => {
    const specs = Array.from(buildCommandTable().values()).flatMap((spec) => [spec, ...(spec.subcommands ?? [])]);
    expect(specs.length).toBeGreaterThan(200);
    for (const spec of specs) {
      const traits = commandTraits(spec);
      expect(traits.isWrite).toBe(spec.flags.includes('write'));
      expect(traits.deniedOnOom).toBe(spec.flags.includes('denyoom'));
      expect(traits.allowedWithoutAuth).toBe(spec.flags.includes('no_auth'));
      expect(traits.refusedInMulti).toBe(spec.flags.includes('no_multi'));
      expect(traits.isDebug).toBe(spec.name.startsWith('debug'));
      expect(traits.isExec).toBe(spec.name === 'exec');
      expect(commandTraits(spec)).toBe(traits);
    }
  });

  it('lets only transaction control run inside MULTI, and only (un)subscribe, ping, quit and reset while subscribed', () => {
    const table = buildCommandTable();
    const runsInside = Array.from(table.values()).filter((spec) => commandTraits(spec).runsInsideMulti).map((spec) => spec.name).sort();
    expect(runsInside).toEqual(['discard', 'exec', 'multi', 'quit', 'reset', 'watch']);
    const whileSubscribed = Array.from(table.values()).filter((spec) => commandTraits(spec).allowedWhileSubscribed).map((spec) => spec.name).sort();
    expect(whileSubscribed).toEqual(['ping', 'psubscribe', 'punsubscribe', 'quit', 'reset', 'ssubscribe', 'subscribe', 'sunsubscribe', 'unsubscribe']);
  });
});
