import type { CommandSpec } from '../commands/command.js';
import { extractShebangFlags, type ScriptFlags } from '../scripting/script-flags.js';
import { sha1Hex } from '../scripting/script-sha1.js';
import { installedScripting } from '../scripting/scripting.js';
import { installedFunctions } from '../scripting/functions/functions.js';
import type { Client } from './client.js';
import type { StoreNode } from './node.js';

const SHA_LENGTH = 40;
const EVAL_NAMES: ReadonlySet<string> = new Set(['eval', 'eval_ro', 'evalsha', 'evalsha_ro']);

/**
 * processCommand's is_may_replicate_command: the command (after
 * getCommandFlags) is a write or may replicate, or it is EXEC of a
 * transaction with such a command. What a CLIENT PAUSE WRITE holds.
 */
export function mayReplicate(node: StoreNode, client: Client, spec: CommandSpec, argv: readonly Buffer[]): boolean {
  if (spec.name === 'exec') return (client.multi ?? []).some((queued) => commandMayReplicate(node, queued.spec, queued.argv));
  return commandMayReplicate(node, spec, argv);
}

function commandMayReplicate(node: StoreNode, spec: CommandSpec, argv: readonly Buffer[]): boolean {
  const declared = spec.flags.includes('write') || spec.flags.includes('may_replicate');
  if (spec.name === 'fcall' || spec.name === 'fcall_ro') return functionMayReplicate(node, declared, argv[1]);
  if (!EVAL_NAMES.has(spec.name)) return declared;
  const flags = declaredScriptFlags(node, spec.name, argv[1]);
  // scriptFlagsToCmdFlags: a script that declared flags writes unless it said no-writes, and no longer "may" replicate.
  if (flags === undefined || flags.evalCompatible) return declared;
  return !flags.noWrites;
}

/**
 * fcallGetCommandFlags: a known function writes unless it declared
 * no-writes; an unknown one keeps the command's declared flags (FCALL is
 * may_replicate, FCALL_RO is not).
 */
function functionMayReplicate(node: StoreNode, declared: boolean, functionName: Buffer | undefined): boolean {
  const found = functionName === undefined ? undefined : installedFunctions(node)?.libraries.findFunction(functionName.toString('latin1'));
  if (found === undefined) return declared;
  return !found.flags.noWrites;
}

/** evalGetCommandFlags: the flags of the cached script, or of the body's shebang for EVAL; undefined when unknown. */
function declaredScriptFlags(node: StoreNode, name: string, body: Buffer | undefined): ScriptFlags | undefined {
  if (body === undefined) return undefined;
  const bySha = name.startsWith('evalsha');
  if (bySha && body.length !== SHA_LENGTH) return undefined;
  const sha = bySha ? body.toString('latin1') : sha1Hex(body);
  const cached = installedScripting(node)?.cache.get(sha);
  if (cached !== undefined) return cached.flags;
  if (bySha) return undefined;
  const shebang = extractShebangFlags(body);
  return 'error' in shebang ? undefined : shebang.flags;
}
