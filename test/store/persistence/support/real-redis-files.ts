import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RespReply } from '../../../support/resp-reply.js';
import { startRealRedis, type RealRedisServer } from '../../../support/real-redis-server.js';
import type { RespConnection } from '../../../support/resp-connection.js';

export function temporaryDirectory(prefix: string): { readonly path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Runs a redis tool (redis-check-rdb, redis-check-aof) and returns its exit code and output. */
export function runTool(tool: string, argumentsList: readonly string[]): { readonly status: number | null; readonly output: string } {
  const result = spawnSync(tool, argumentsList, { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** A real redis-server with its files in `dir`, DEBUG enabled, persistence as the extra arguments say. */
export function startRedisOn(dir: string, extraArguments: readonly string[] = []): Promise<RealRedisServer> {
  return startRealRedis({ extraArguments: ['--dir', dir, '--enable-debug-command', 'yes', ...extraArguments] });
}

export function replyText(reply: RespReply): string {
  if (reply.kind === 'status' || reply.kind === 'error') return reply.text;
  if (reply.kind === 'bulk') return reply.value === null ? '(nil)' : reply.value.toString('latin1');
  if (reply.kind === 'integer') return reply.value.toString();
  return JSON.stringify(reply.items?.map(replyText) ?? null);
}

export async function textOf(connection: RespConnection, argv: readonly string[]): Promise<string> {
  return replyText(await connection.command(argv));
}
