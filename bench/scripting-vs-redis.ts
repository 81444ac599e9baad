/**
 * Bench: EVAL on `redsim serve` (our own Lua 5.1 interpreter) against a real
 * redis-server 7.0.15 (C Lua 5.1), same scripts, same run. Each script is
 * sent as EVAL over one loopback connection, one at a time, and the reply is
 * checked to be identical on both servers before anything is timed. Figures:
 * wall ms per EVAL (median of the rounds) and the server's CPU ms per EVAL,
 * ratio = redis ms / redsim ms (1.0x: as fast as Redis).
 * Run: `npm run bench -- scripting-vs-redis` (needs /usr/bin/redis-server).
 */
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { ReplyDecoder, type RespValue } from '../src/store/protocol/reply-decoder.js';
import { encodeRequest } from '../src/store/protocol/request-encoder.js';
import { cpuTimeUs, redisServerPath, startServer, type ServerUnderTest } from './serve-support/benchmark-tools.js';

interface BenchedScript {
  readonly name: string;
  readonly argv: readonly string[];
  /** EVALs per round. */
  readonly repeat: number;
}

const SCRIPTS: readonly BenchedScript[] = [
  { name: 'arithmetic loop 1M', argv: ['EVAL', 'local x = 0 for i = 1, 1000000 do x = x + i end return x', '0'], repeat: 3 },
  { name: 'function calls 200k', argv: ['EVAL', 'local function f(a) return a + 1 end local x = 0 for i = 1, 200000 do x = f(x) end return x', '0'], repeat: 3 },
  { name: 'table fill+concat 100k', argv: ['EVAL', "local t = {} for i = 1, 100000 do t[i] = tostring(i) end return #table.concat(t, ',')", '0'], repeat: 3 },
  { name: 'gmatch words 40k', argv: ['EVAL', "local n = 0 for w in string.gmatch(string.rep('hello world ', 20000), '%a+') do n = n + 1 end return n", '0'], repeat: 3 },
  { name: 'cjson round trip 2k', argv: ['EVAL', "local t = {} for i = 1, 2000 do t[i] = {id = i, name = 'n' .. i} end return #cjson.encode(cjson.decode(cjson.encode(t)))", '0'], repeat: 3 },
  { name: 'redis.call SET 10k', argv: ['EVAL', "for i = 1, 10000 do redis.call('SET', 'k' .. i, i) end return redis.call('DBSIZE')", '0'], repeat: 3 },
  { name: 'EVAL GET (small)', argv: ['EVAL', "return redis.call('GET', KEYS[1])", '1', 'k1'], repeat: 2000 },
];

const ROUNDS = 3;

/** One connection that sends a request and waits for its single reply. */
class Connection {
  private readonly decoder = new ReplyDecoder();
  private waiting: ((reply: RespValue) => void) | undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.decoder.feed(chunk);
      const reply = this.decoder.next();
      if (reply !== undefined && this.waiting !== undefined) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(reply);
      }
    });
  }

  static open(port: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1' });
      socket.setNoDelay(true);
      socket.once('error', reject);
      socket.once('connect', () => resolve(new Connection(socket)));
    });
  }

  send(argv: readonly string[]): Promise<RespValue> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(encodeRequest(argv));
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

interface Round {
  readonly wallMs: number;
  readonly cpuMs: number;
}

async function timeRound(server: ServerUnderTest, connection: Connection, script: BenchedScript): Promise<Round> {
  const cpuBefore = cpuTimeUs(server.pid);
  const start = process.hrtime.bigint();
  for (let index = 0; index < script.repeat; index++) await connection.send(script.argv);
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6 / script.repeat;
  return { wallMs, cpuMs: (cpuTimeUs(server.pid) - cpuBefore) / 1000 / script.repeat };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

export interface ScriptFigure {
  readonly script: string;
  readonly redsimMs: number;
  readonly redisMs: number;
  readonly redsimCpuMs: number;
  readonly redisCpuMs: number;
  readonly ratio: number;
}

async function measureScript(servers: readonly [ServerUnderTest, Connection][], script: BenchedScript): Promise<ScriptFigure> {
  const replies = await Promise.all(servers.map(([, connection]) => connection.send(script.argv)));
  if (!isDeepStrictEqual(replies[0], replies[1])) throw new Error(`scripting-vs-redis: ${script.name}: replies differ: ${String(replies[0])} / ${String(replies[1])}`);
  const rounds = new Map<string, Round[]>(servers.map(([server]) => [server.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? servers : [...servers].reverse();
    for (const [server, connection] of order) rounds.get(server.name)?.push(await timeRound(server, connection, script));
  }
  const of = (name: string, pick: (round: Round) => number): number => median((rounds.get(name) ?? []).map(pick));
  const redsimMs = of('redsim', (round) => round.wallMs);
  const redisMs = of('redis-server', (round) => round.wallMs);
  return { script: script.name, redsimMs, redisMs, redsimCpuMs: of('redsim', (round) => round.cpuMs), redisCpuMs: of('redis-server', (round) => round.cpuMs), ratio: redisMs / redsimMs };
}

export async function main(): Promise<ScriptFigure[]> {
  if (!existsSync(redisServerPath)) {
    process.stdout.write(`scripting-vs-redis: skipped: redis-server not found at ${redisServerPath}\n`);
    return [];
  }
  const redsim = await startServer('redsim');
  const redis = await startServer('redis-server');
  const servers: [ServerUnderTest, Connection][] = [
    [redsim, await Connection.open(redsim.port)],
    [redis, await Connection.open(redis.port)],
  ];
  const figures: ScriptFigure[] = [];
  try {
    process.stdout.write(`scripting-vs-redis: ${'script'.padEnd(24)} ${'redsim ms'.padStart(10)} ${'redis ms'.padStart(10)}  ratio  (cpu ms redsim / redis; ratio = redis time / redsim time, median of ${ROUNDS} alternating rounds)\n`);
    for (const script of SCRIPTS) {
      const figure = await measureScript(servers, script);
      figures.push(figure);
      process.stdout.write(
        `scripting-vs-redis: ${figure.script.padEnd(24)} ${figure.redsimMs.toFixed(3).padStart(10)} ${figure.redisMs.toFixed(3).padStart(10)}  ${figure.ratio.toFixed(2)}x  (${figure.redsimCpuMs.toFixed(3)} / ${figure.redisCpuMs.toFixed(3)})\n`,
      );
    }
  } finally {
    for (const [, connection] of servers) connection.close();
    await redsim.stop();
    await redis.stop();
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
