import { createStore, type Store } from '../../../src/store/embedded.js';
import { decodeAllReplies } from '../../support/resp-decoder.js';
import type { RespReply } from '../../support/resp-reply.js';
import { harnessReply, type DifferentialTarget, type SequenceConfig } from './target.js';

/**
 * Our store, in process: a fresh `createStore` per sequence, configured like
 * the real server and with its virtual clock started at the real server's
 * time, so absolute expiry times mean the same on both. DEBUG is enabled as
 * on the reference server (the final read-back compares DEBUG DIGEST). A command that
 * throws or answers nothing gets a harness error reply (and ends the run).
 */
export function storeTarget(label = 'ours'): DifferentialTarget {
  let store: Store | undefined;
  return {
    label,
    async begin(config: SequenceConfig, clockMs: number | undefined): Promise<number> {
      store?.close();
      const startEpochMs = clockMs ?? 1_700_000_000_000;
      store = createStore({ seed: 1, startEpochMs, config: { 'enable-debug-command': 'yes', ...config } });
      return startEpochMs;
    },
    async run(commands) {
      const current = store;
      if (current === undefined) throw new Error('begin() first');
      return runAll(current, commands);
    },
    close: async () => {
      store?.close();
      store = undefined;
    },
  };
}

function runAll(store: Store, commands: readonly (readonly Buffer[])[]): RespReply[] {
  const replies: RespReply[] = [];
  for (const argv of commands) {
    const reply = runOne(store, argv);
    replies.push(reply);
    if (reply.kind === 'error' && reply.text.startsWith('(harness)')) break;
  }
  while (replies.length < commands.length) replies.push(harnessReply('not run: an earlier command crashed the store'));
  return replies;
}

function runOne(store: Store, argv: readonly Buffer[]): RespReply {
  let bytes: Buffer;
  try {
    bytes = store.command(argv);
  } catch (error) {
    return harnessReply(`the store threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  let replies: RespReply[];
  try {
    replies = decodeAllReplies(bytes);
  } catch (error) {
    return harnessReply(`the store sent bytes that are not RESP2: ${String(error)} ${JSON.stringify(bytes.toString('latin1'))}`);
  }
  const [reply, ...extra] = replies;
  if (reply === undefined) return harnessReply('the store sent no reply (did the command block?)');
  if (extra.length > 0) return harnessReply(`the store sent ${replies.length} replies to one command`);
  return reply;
}
