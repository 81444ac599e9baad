/**
 * Bench: AOF cost, for the complexity report (issue 5).
 * - rewrite against N keys: bytes and time of the base an AOF rewrite
 *   writes, as RDB (aof-use-rdb-preamble yes) and as commands (no);
 * - load against file size: a node starting on an AOF of C commands
 *   (parse and replay), time per MB and per command.
 * Expect linear in N and in the file size. Run: `npm run bench -- persistence-aof`.
 */
import { pathToFileURL } from 'node:url';
import { createManualEnv } from '../src/env/manual/manual-env.js';
import { encodeCommand } from '../src/store/persistence/aof/resp-command.js';
import { databaseSources } from '../src/store/persistence/dataset.js';
import { rewriteAsCommands } from '../src/store/persistence/aof/rewrite-commands.js';
import { writeRdb } from '../src/store/persistence/rdb/rdb-writer.js';
import { StoreNode } from '../src/store/server/node.js';
import { filledStore } from './persistence-rdb.js';

function wallMsNow(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface RewriteFigures {
  readonly keys: number;
  readonly rdbBytes: number;
  readonly rdbMs: number;
  readonly commandBytes: number;
  readonly commandMs: number;
}

export function measureRewrite(keys: number): RewriteFigures {
  const node = filledStore(keys).node;
  const rdbStart = wallMsNow();
  const rdb = writeRdb(databaseSources(node), { compress: true, checksum: true, listMaxListpackSize: -2, ctimeSeconds: 0, usedMemoryBytes: 0, aofBase: true });
  const rdbMs = wallMsNow() - rdbStart;
  const commandStart = wallMsNow();
  const commands = rewriteAsCommands(databaseSources(node));
  const commandMs = wallMsNow() - commandStart;
  return { keys, rdbBytes: rdb.length, rdbMs, commandBytes: commands.length, commandMs };
}

export interface LoadFigures {
  readonly commands: number;
  readonly fileBytes: number;
  readonly loadMs: number;
  readonly keys: number;
}

/** A node started on an AOF of `commands` SET/RPUSH/INCR commands (a manifest, an empty base, one incr file). */
export function measureLoad(commands: number): LoadFigures {
  const env = createManualEnv({ seed: 1 });
  const pieces: Buffer[] = [encodeCommand([Buffer.from('SELECT'), Buffer.from('0')])];
  for (let index = 0; index < commands; index++) {
    const key = Buffer.from(`key:${index % 5000}`);
    const kind = index % 3;
    pieces.push(encodeCommand(kind === 0 ? [Buffer.from('SET'), key, Buffer.from(`value-${index}`)] : kind === 1 ? [Buffer.from('RPUSH'), Buffer.from(`list:${index % 100}`), Buffer.from(String(index))] : [Buffer.from('INCR'), Buffer.from(`counter:${index % 50}`)]));
  }
  const incr = Buffer.concat(pieces);
  env.fs.mkdir('appendonlydir');
  for (const [name, data] of [['appendonlydir/appendonly.aof.manifest', Buffer.from('file appendonly.aof.1.incr.aof seq 1 type i\n')], ['appendonlydir/appendonly.aof.1.incr.aof', incr]] as const) {
    const handle = env.fs.open(name, { create: true, truncate: true });
    if (handle instanceof Error) throw handle;
    handle.append(data);
    handle.close();
  }
  const start = wallMsNow();
  const node = new StoreNode({ env, config: { appendonly: 'yes', save: '' } });
  const loadMs = wallMsNow() - start;
  return { commands, fileBytes: incr.length, loadMs, keys: node.database(0).size() };
}

export function main(): void {
  measureRewrite(1_000);
  for (const figure of [1_000, 10_000, 50_000].map(measureRewrite)) {
    process.stdout.write(
      `persistence-aof rewrite: keys=${figure.keys} rdb-base=${figure.rdbBytes} B ${figure.rdbMs.toFixed(1)}ms (${(figure.rdbBytes / figure.keys).toFixed(1)} B/key) ` +
        `command-base=${figure.commandBytes} B ${figure.commandMs.toFixed(1)}ms (${(figure.commandBytes / figure.keys).toFixed(1)} B/key)\n`,
    );
  }
  measureLoad(10_000);
  for (const figure of [10_000, 100_000, 300_000].map(measureLoad)) {
    process.stdout.write(
      `persistence-aof load: commands=${figure.commands} file=${(figure.fileBytes / 1e6).toFixed(2)} MB keys=${figure.keys} ${figure.loadMs.toFixed(1)}ms ` +
        `(${(figure.loadMs / (figure.fileBytes / 1e6)).toFixed(1)} ms/MB, ${((figure.loadMs * 1000) / figure.commands).toFixed(2)} µs/command)\n`,
    );
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
