import { readFileSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { checkLinearizability } from '../../checker/linearizability/check-linearizability.js';
import type { LinearizabilityResult } from '../../checker/linearizability/linearizability-result.js';
import { modelNames, type ModelName } from '../../checker/linearizability/model.js';
import { checkListAppend, type ListAppendResult } from '../../checker/list-append/check-list-append.js';
import type { Validity } from '../../checker/verdict.js';
import { exitCodes, InputError, UsageError } from '../../core/errors.js';
import { opValueFromEdn } from '../../history/edn/edn-op-value.js';
import { readEdnForms } from '../../history/edn/edn-reader.js';
import { parseHistory } from '../../history/history-format.js';
import type { Op, OpValue } from '../../history/op.js';

const checkModels = [...modelNames, 'list-append'] as const;
type CheckModel = (typeof checkModels)[number];

interface CheckArguments {
  readonly files: string[];
  readonly model: CheckModel;
  readonly initial?: string;
  readonly json: boolean;
  readonly timeLimitS: number;
  readonly statesMax?: number;
}

/** One line of output per file. */
interface FileVerdict {
  readonly file: string;
  readonly valid: Validity;
  readonly ops: number;
  readonly ms: number;
  readonly anomaly?: unknown;
  readonly reason?: string;
}

/** `--initial` as EDN or JSON: 0, nil/null, "x", [1 2], :k. */
export function parseInitialValue(text: string): OpValue {
  let forms;
  try {
    forms = readEdnForms(text, '--initial');
  } catch (error: unknown) {
    throw new UsageError(`--initial ${JSON.stringify(text)} is not a value: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [form] = forms;
  if (forms.length !== 1 || form === undefined) throw new UsageError(`--initial needs exactly one value, got ${JSON.stringify(text)}`);
  if (typeof form.value === 'object' && form.value !== null && form.value.kind === 'symbol' && form.value.name === 'null') return null;
  return opValueFromEdn(form.value);
}

function readHistoryFile(file: string): Op[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error: unknown) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code}`);
  }
  return parseHistory(text, file);
}

function linearizabilityVerdict(result: LinearizabilityResult): Pick<FileVerdict, 'valid' | 'anomaly' | 'reason'> {
  if (result.valid === true) return { valid: true };
  if (result.valid === 'unknown') return { valid: 'unknown', reason: `${result.reason}: ${result.detail}` };
  const { anomaly, key, failedOp, window, explanation, stateBeforeFailure } = result;
  return { valid: false, anomaly: { type: anomaly, key, explanation, failedOp, stateBeforeFailure, window } };
}

function listAppendVerdict(result: ListAppendResult): Pick<FileVerdict, 'valid' | 'anomaly' | 'reason'> {
  if (result.valid === 'unknown') return { valid: 'unknown', reason: `${result.reason}: ${result.detail}` };
  if (result.valid) return { valid: true };
  const [first] = result.anomalies;
  return { valid: false, anomaly: { type: first?.type ?? 'list-append', counts: result.anomalyCounts, examples: result.anomalies.slice(0, 5) } };
}

function checkOne(file: string, history: readonly Op[], args: CheckArguments, initialValue: OpValue): FileVerdict {
  const startMs = performance.now();
  const deadlineMs = startMs + args.timeLimitS * 1000;
  const budget = (): boolean => performance.now() < deadlineMs;
  let verdict: Pick<FileVerdict, 'valid' | 'anomaly' | 'reason'>;
  if (args.model === 'list-append') {
    verdict = listAppendVerdict(checkListAppend(history));
  } else {
    const statesMax = args.statesMax === undefined ? {} : { statesMax: args.statesMax };
    verdict = linearizabilityVerdict(checkLinearizability(history, { model: args.model as ModelName, initialValue, budget, ...statesMax }));
  }
  const ms = Math.round((performance.now() - startMs) * 10) / 10;
  const { valid, ...evidence } = verdict;
  return { file, valid, ops: history.length, ms, ...evidence };
}

function describeVerdict(verdict: FileVerdict): string {
  const stats = `(${verdict.ops} ops, ${verdict.ms} ms)`;
  if (verdict.valid === true) return `valid    ${verdict.file} ${stats}`;
  if (verdict.valid === 'unknown') return `unknown  ${verdict.file} ${stats}: ${verdict.reason ?? ''}`;
  const anomaly = verdict.anomaly as { type?: string; explanation?: string; counts?: unknown } | undefined;
  const detail = anomaly?.explanation ?? JSON.stringify(anomaly?.counts ?? {});
  return `INVALID  ${verdict.file} ${stats}: ${anomaly?.type ?? 'anomaly'}: ${detail}`;
}

function exitCodeFor(verdicts: readonly FileVerdict[]): number {
  if (verdicts.some((verdict) => verdict.valid === false)) return exitCodes.invalid;
  if (verdicts.some((verdict) => verdict.valid === 'unknown')) return exitCodes.unknown;
  return exitCodes.valid;
}

function runCheck(args: CheckArguments): number {
  const initialValue = args.initial === undefined ? null : parseInitialValue(args.initial);
  if (!(args.timeLimitS > 0)) throw new UsageError('--time-limit-s must be a positive number of seconds');
  const histories = args.files.map((file) => ({ file, history: readHistoryFile(file) }));
  const verdicts: FileVerdict[] = [];
  for (const { file, history } of histories) {
    const verdict = checkOne(file, history, args, initialValue);
    verdicts.push(verdict);
    process.stdout.write(`${args.json ? JSON.stringify(verdict) : describeVerdict(verdict)}\n`);
  }
  return exitCodeFor(verdicts);
}

export const checkCommand: CommandModule<object, CheckArguments> = {
  command: 'check <files..>',
  describe: 'Check histories (redsim JSONL or Jepsen EDN) against a consistency model; exit 0 valid, 1 invalid, 2 unknown',
  builder: (yargs: Argv<object>) =>
    yargs
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'history files (.jsonl or .edn)' })
      .option('model', { choices: checkModels, demandOption: true, describe: 'the model the histories must satisfy' })
      .option('initial', { type: 'string', describe: 'initial value as EDN/JSON (default nil; the Knossos corpus uses 0)' })
      .option('json', { type: 'boolean', default: false, describe: 'one JSON line per file: {file, valid, ops, ms, anomaly?}' })
      .option('time-limit-s', { type: 'number', default: 60, describe: 'wall-clock budget per file; past it the verdict is unknown' })
      .option('states-max', { type: 'number', describe: 'search states per file before the verdict is unknown' }) as unknown as Argv<CheckArguments>,
  handler: (args) => {
    try {
      process.exitCode = runCheck(args);
    } catch (error: unknown) {
      if (!(error instanceof UsageError) && !(error instanceof InputError)) throw error;
      process.stderr.write(`redsim: ${error.message}\n`);
      process.exitCode = exitCodes.usage;
    }
  },
};
