import { describe, it } from 'vitest';
import { useSideBySide } from '../../support/side-by-side.js';

const both = useSideBySide({ config: { 'stream-node-max-entries': '100' } });

describe('stream commands answer like redis-server 7.0.15', () => {
  it('XADD IDs, options and errors; XLEN, TYPE, OBJECT ENCODING', async () => {
    await both.script([
      ['XADD', 's', '1-1', 'a', '1'],
      ['XADD', 's', '1-1', 'a', '1'],
      ['XADD', 's', '1-*', 'b', '2'],
      ['XADD', 's', '5', 'c', '3', 'd', '4'],
      ['XADD', 's', '0-0', 'a', '1'],
      ['XADD', 'fresh', '0-0', 'a', '1'],
      ['EXISTS', 'fresh'],
      ['XADD', 's', '4-*', 'a', '1'],
      ['XADD', 's', '+', 'a', '1'],
      ['XADD', 's', '-', 'a', '1'],
      ['XADD', 's', 'abc', 'a', '1'],
      ['XADD', 's', '6-0', 'a'],
      ['XADD', 's', '6-0'],
      ['XADD', 'nomk', 'NOMKSTREAM', '1-1', 'a', '1'],
      ['EXISTS', 'nomk'],
      ['XADD', 's', 'MAXLEN', '-1', '7-0', 'a', '1'],
      ['XADD', 's', 'MAXLEN', '2', 'MINID', '1', '7-0', 'a', '1'],
      ['XADD', 's', 'LIMIT', '2', '7-0', 'a', '1'],
      ['XADD', 's', 'MAXLEN', '3', 'LIMIT', '2', '7-0', 'a', '1'],
      ['XADD', 's', 'MAXLEN', '=', '3', '7-0', 'a', '1'],
      ['XLEN', 's'],
      ['XRANGE', 's', '-', '+'],
      ['XADD', 's', 'MINID', '6', '8-0', 'z', '9'],
      ['XRANGE', 's', '-', '+'],
      ['XLEN', 'nokey'],
      ['TYPE', 's'],
      ['OBJECT', 'ENCODING', 's'],
      ['SET', 'str', 'x'],
      ['XADD', 'str', '1-1', 'a', '1'],
      ['XLEN', 'str'],
      ['XADD', 'max', '18446744073709551615-18446744073709551615', 'a', '1'],
      ['XADD', 'max', '*', 'a', '1'],
      ['XADD', 'max2', '18446744073709551615-18446744073709551614', 'a', '1'],
      ['XADD', 'max2', '18446744073709551615-*', 'a', '1'],
      ['XADD', 'big', '18446744073709551616-1', 'a', '1'],
    ]);
  });

  it('XRANGE / XREVRANGE bounds, exclusive ranges and COUNT; XDEL; XTRIM', async () => {
    const adds = Array.from({ length: 12 }, (_, index) => ['XADD', 's', `${1 + Math.floor(index / 3)}-${index % 3}`, 'f', String(index)]);
    await both.script([
      ...adds,
      ['XRANGE', 's', '2', '3'],
      ['XRANGE', 's', '(2-0', '(3-2'],
      ['XRANGE', 's', '(2-0', '+', 'COUNT', '2'],
      ['XRANGE', 's', '-', '+', 'COUNT', '0'],
      ['XRANGE', 's', '-', '+', 'COUNT', '-5'],
      ['XRANGE', 's', '-', '+', 'COUNT'],
      ['XRANGE', 's', '-', '+', 'LIMIT', '1'],
      ['XRANGE', 's', '(-', '+'],
      ['XRANGE', 's', '(18446744073709551615-18446744073709551615', '+'],
      ['XRANGE', 's', '-', '(0-0'],
      ['XREVRANGE', 's', '+', '-', 'COUNT', '4'],
      ['XREVRANGE', 's', '(3-1', '2'],
      ['XRANGE', 'nokey', '-', '+'],
      ['XDEL', 's', '1-0', '1-1', '9-9'],
      ['XDEL', 's', '1-2', 'bad'],
      ['XDEL', 'nokey', '1-0'],
      ['XRANGE', 's', '-', '+', 'COUNT', '3'],
      ['XTRIM', 's', 'MAXLEN', '8'],
      ['XTRIM', 's', 'MINID', '3-1'],
      ['XTRIM', 's', 'MAXLEN', '~', '2'],
      ['XTRIM', 's', 'MAXLEN', '~', '2', 'LIMIT', '1'],
      ['XTRIM', 's', 'MAXLEN', '2', 'LIMIT', '1'],
      ['XTRIM', 's'],
      ['XTRIM', 's', 'FOO', '1'],
      ['XTRIM', 'nokey', 'MAXLEN', '1'],
      ['XRANGE', 's', '-', '+'],
      ['XTRIM', 's', 'MAXLEN', '0'],
      ['XLEN', 's'],
      ['EXISTS', 's'],
    ]);
  });

  it('approximate trimming removes whole nodes only (stream-node-max-entries)', async () => {
    await both.reset({ 'stream-node-max-entries': '4' });
    const adds = Array.from({ length: 22 }, (_, index) => ['XADD', 's', `${index + 1}-0`, 'f', String(index)]);
    await both.script([
      ...adds,
      ['XTRIM', 's', 'MAXLEN', '~', '15'],
      ['XLEN', 's'],
      ['XTRIM', 's', 'MINID', '~', '12'],
      ['XRANGE', 's', '-', '+', 'COUNT', '1'],
      ['XADD', 's', 'MAXLEN', '~', '5', '30-0', 'f', 'x'],
      ['XLEN', 's'],
      ['XDEL', 's', '29-0', '30-0'],
      ['XADD', 's', '31-0', 'f', 'y'],
      ['XTRIM', 's', 'MAXLEN', '~', '1'],
      ['XLEN', 's'],
      ['XINFO', 'STREAM', 's'],
    ]);
  });

  it('XREAD without blocking', async () => {
    await both.script([
      ['XADD', 'a', '1-0', 'x', '1'],
      ['XADD', 'a', '2-0', 'x', '2'],
      ['XADD', 'b', '3-0', 'y', '3'],
      ['XREAD', 'STREAMS', 'a', 'b', '0', '0'],
      ['XREAD', 'COUNT', '1', 'STREAMS', 'a', 'b', '1', '0-0'],
      ['XREAD', 'STREAMS', 'a', 'b', '$', '$'],
      ['XREAD', 'STREAMS', 'a', 'nokey', '0', '0'],
      ['XREAD', 'STREAMS', 'a', '0', '0'],
      ['XREAD', 'STREAMS', 'a', '>'],
      ['XREAD', 'GROUP', 'g', 'c', 'STREAMS', 'a', '0'],
      ['XREAD', 'NOACK', 'STREAMS', 'a', '0'],
      ['XREAD', 'COUNT', 'x', 'STREAMS', 'a', '0'],
      ['XREAD', 'BLOCK', '-1', 'STREAMS', 'a', '0'],
      ['XREAD', 'STREAMS', 'a', 'bad'],
      ['XREAD', 'a', '0'],
      ['SET', 'str', 'v'],
      ['XREAD', 'STREAMS', 'str', '0'],
    ]);
  });

  it('consumer groups: XGROUP, XREADGROUP, XACK, XPENDING summary, XINFO GROUPS, XSETID', async () => {
    await both.script([
      ['XGROUP', 'CREATE', 's', 'g', '$'],
      ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'],
      ['XGROUP', 'CREATE', 's', 'g', '$', 'MKSTREAM'],
      ['XADD', 's', '1-0', 'a', '1'],
      ['XADD', 's', '2-0', 'b', '2'],
      ['XADD', 's', '3-0', 'c', '3'],
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'COUNT', '2', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'bob', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'bob', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 's', '0'],
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 's', '$'],
      ['XREADGROUP', 'GROUP', 'nog', 'alice', 'STREAMS', 's', '>'],
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 'nokey', '>'],
      ['XREADGROUP', 'STREAMS', 's', '>'],
      ['XPENDING', 's', 'g'],
      ['XPENDING', 's', 'nog'],
      ['XACK', 's', 'g', '1-0', '9-0'],
      ['XACK', 's', 'g', 'bad'],
      ['XACK', 's', 'nog', '1-0'],
      ['XPENDING', 's', 'g'],
      ['XPENDING', 's', 'g', '-', '+', '10', 'nobody'],
      ['XPENDING', 's', 'g', '-', '+'],
      ['XINFO', 'GROUPS', 's'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'carol'],
      ['XGROUP', 'CREATECONSUMER', 's', 'g', 'carol'],
      ['XGROUP', 'DELCONSUMER', 's', 'g', 'alice'],
      ['XGROUP', 'DELCONSUMER', 's', 'g', 'nobody'],
      ['XGROUP', 'SETID', 's', 'g', '0', 'ENTRIESREAD', '0'],
      ['XGROUP', 'SETID', 's', 'nog', '0'],
      ['XGROUP', 'CREATE', 's', 'g2', '1-0', 'ENTRIESREAD', '1'],
      ['XGROUP', 'CREATE', 's', 'g3', '0', 'ENTRIESREAD', '-3'],
      ['XINFO', 'GROUPS', 's'],
      ['XGROUP', 'DESTROY', 's', 'g2'],
      ['XGROUP', 'DESTROY', 's', 'g2'],
      ['XGROUP', 'FOO', 's', 'g'],
      ['XGROUP', 'HELP'],
      ['XGROUP', 'CREATE', 's'],
      ['XGROUP', 'CREATE', 'nokey', 'g', '$'],
      ['XSETID', 's', '2-0'],
      ['XSETID', 's', '10-0', 'ENTRIESADDED', '1'],
      ['XSETID', 's', '10-0', 'ENTRIESADDED', '5', 'MAXDELETEDID', '11-0'],
      ['XSETID', 's', '10-0', 'ENTRIESADDED', '5', 'MAXDELETEDID', '4-0'],
      ['XSETID', 'nokey', '1-0'],
      ['XINFO', 'STREAM', 's'],
      ['XINFO', 'HELP'],
      ['XINFO', 'STREAM', 'nokey'],
      ['XINFO', 'CONSUMERS', 's', 'nog'],
      ['XINFO', 'STREAM', 's', 'FULL', 'COUNT'],
    ]);
  });

  it('COMMAND INFO, COMMAND DOCS and COMMAND GETKEYS describe the stream commands as Redis does', async () => {
    // Containers list their subcommands in the server's dict order (random per process): ask for each one.
    const subcommands = ['create', 'setid', 'destroy', 'createconsumer', 'delconsumer', 'help'].map((sub) => `xgroup|${sub}`).concat(['stream', 'groups', 'consumers', 'help'].map((sub) => `xinfo|${sub}`));
    const names = ['xadd', 'xtrim', 'xdel', 'xlen', 'xrange', 'xrevrange', 'xread', 'xreadgroup', 'xack', 'xpending', 'xclaim', 'xautoclaim', 'xsetid', ...subcommands];
    await both.script([
      ...names.map((name) => ['COMMAND', 'INFO', name]),
      ...names.map((name) => ['COMMAND', 'DOCS', name]),
      ['COMMAND', 'GETKEYS', 'XREAD', 'COUNT', '2', 'STREAMS', 'a', 'b', '0', '0'],
      ['COMMAND', 'GETKEYS', 'XREADGROUP', 'GROUP', 'g', 'c', 'STREAMS', 'a', '>'],
      ['COMMAND', 'GETKEYS', 'XGROUP', 'CREATE', 'k', 'g', '$'],
      ['XGROUP', 'CREATE', 'k'],
      ['XINFO', 'STREAM'],
      ['XGROUP'],
    ]);
  });

  it('XCLAIM and XAUTOCLAIM with JUSTID, FORCE, LASTID and deleted entries', async () => {
    await both.script([
      ['XGROUP', 'CREATE', 's', 'g', '0', 'MKSTREAM'],
      ...Array.from({ length: 6 }, (_, index) => ['XADD', 's', `${index + 1}-0`, 'f', String(index)]),
      ['XREADGROUP', 'GROUP', 'g', 'alice', 'STREAMS', 's', '>'],
      ['XDEL', 's', '2-0'],
      ['XCLAIM', 's', 'g', 'bob', '0', '1-0', '2-0', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'bob', '0', '3-0', '99-0'],
      ['XCLAIM', 's', 'g', 'bob', '0', '99-0', 'FORCE'],
      ['XCLAIM', 's', 'g', 'bob', '0', '4-0', 'LASTID', '100-0', 'JUSTID'],
      ['XCLAIM', 's', 'g', 'bob', '0', '4-0', 'BOGUS'],
      ['XCLAIM', 's', 'g', 'bob', 'x', '4-0'],
      ['XCLAIM', 's', 'nog', 'bob', '0', '4-0'],
      ['XCLAIM', 's', 'g', 'bob', '3600000', '5-0'],
      ['XDEL', 's', '5-0'],
      ['XAUTOCLAIM', 's', 'g', 'carol', '0', '0', 'COUNT', '2'],
      ['XAUTOCLAIM', 's', 'g', 'carol', '0', '0', 'JUSTID'],
      ['XAUTOCLAIM', 's', 'g', 'carol', '0', '0', 'COUNT', '0'],
      ['XAUTOCLAIM', 's', 'nog', 'carol', '0', '0'],
      ['XPENDING', 's', 'g'],
      ['XINFO', 'GROUPS', 's'],
    ]);
  });
});
