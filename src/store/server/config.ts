import { assert } from '../../core/assert.js';
import { parseStrictIntegerText } from '../protocol/integer-text.js';
import type { EncodingConfig } from '../keyspace/encoding-config.js';
import { configParameters, type ConfigParameter } from './config-parameters.js';
import { inertConfigParameters } from './config-parameters-inert.js';
import { validateSpecialConfig } from './config-special.js';
import { parseMemory } from './memory-text.js';

/** Every parameter, those the store acts on first. */
const allParameters: readonly ConfigParameter[] = [...configParameters, ...inertConfigParameters];

/** Options given to a node: redis.conf directives by name (or alias), values as in the file. */
export type ConfigOptions = Readonly<Record<string, string | number | boolean>>;

type MutableEncodingConfig = { -readonly [Field in keyof EncodingConfig]: EncodingConfig[Field] };

/** Why a value was refused, in CONFIG SET's words (config.c). */
export type ConfigValueError = { readonly error: string };

/**
 * The node's configuration: every parameter's current value as the text
 * CONFIG GET prints, typed readers, and CONFIG SET's parsing and validation.
 */
export class StoreConfig {
  private readonly values = new Map<string, string>();
  private readonly byName = new Map<string, ConfigParameter>();
  private readonly listeners: ((name: string) => void)[] = [];
  /** Parsed numbers by the name asked for (hot paths read them per command); emptied by every change. */
  private readonly integerCache = new Map<string, number>();
  /** The live encoding thresholds handed to command handlers (CONFIG SET updates them in place). */
  readonly encoding: EncodingConfig;
  private readonly encodingValues: MutableEncodingConfig;

  constructor(options: ConfigOptions = {}) {
    for (const parameter of allParameters) {
      this.byName.set(parameter.name, parameter);
      if (parameter.alias !== undefined) this.byName.set(parameter.alias, parameter);
      this.values.set(parameter.name, parameter.defaultValue);
    }
    this.encodingValues = this.readEncodingConfig();
    this.encoding = this.encodingValues;
    for (const [name, value] of Object.entries(options)) {
      const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
      const result = this.set(name, text, { startup: true });
      assert(result === undefined, `config option ${name}=${text} is valid: ${result?.error ?? ''}`);
    }
  }

  /** The parameter a name or alias refers to (case-insensitive, as Redis). */
  lookup(name: string): ConfigParameter | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** Names and aliases in table order, as CONFIG GET * lists them. */
  *names(): IterableIterator<{ readonly name: string; readonly parameter: ConfigParameter }> {
    for (const parameter of allParameters) {
      yield { name: parameter.name, parameter };
      if (parameter.alias !== undefined) yield { name: parameter.alias, parameter };
    }
  }

  get(name: string): string {
    const direct = this.values.get(name);
    if (direct !== undefined) return direct;
    const parameter = this.lookup(name);
    assert(parameter !== undefined, `config parameter ${name} exists`);
    return this.values.get(parameter.name) as string;
  }

  integer(name: string): number {
    const cached = this.integerCache.get(name);
    if (cached !== undefined) return cached;
    const value = Number(this.get(name));
    assert(Number.isFinite(value), `config ${name} is numeric`);
    this.integerCache.set(name, value);
    return value;
  }

  flag(name: string): boolean {
    return this.get(name) === 'yes';
  }

  /** Called after each successful change with the parameter's canonical name. */
  onChange(listener: (name: string) => void): void {
    this.listeners.push(listener);
  }

  /** Parses, validates and stores one value; returns the error text on refusal. */
  set(name: string, value: string, options: { readonly startup?: boolean } = {}): ConfigValueError | undefined {
    const parameter = this.lookup(name);
    if (parameter === undefined) return { error: 'Config name not found' };
    if (options.startup !== true && parameter.immutable === true) return { error: "can't set immutable config" };
    if (options.startup !== true && parameter.protected === true) return { error: "can't set protected config" };
    const parsed = parseConfigValue(parameter, value, this.values.get(parameter.name) ?? '');
    if (typeof parsed !== 'string') return parsed;
    this.values.set(parameter.name, parsed);
    this.integerCache.clear();
    Object.assign(this.encodingValues, this.readEncodingConfig());
    for (const listener of this.listeners) listener(parameter.name);
    return undefined;
  }

  private readEncodingConfig(): MutableEncodingConfig {
    return {
      listMaxListpackSize: this.integer('list-max-listpack-size'),
      listCompressDepth: this.integer('list-compress-depth'),
      hashMaxListpackEntries: this.integer('hash-max-listpack-entries'),
      hashMaxListpackValue: this.integer('hash-max-listpack-value'),
      setMaxIntsetEntries: this.integer('set-max-intset-entries'),
      zsetMaxListpackEntries: this.integer('zset-max-listpack-entries'),
      zsetMaxListpackValue: this.integer('zset-max-listpack-value'),
      streamNodeMaxEntries: this.integer('stream-node-max-entries'),
      streamNodeMaxBytes: this.integer('stream-node-max-bytes'),
    };
  }
}

/** The canonical text of a valid value, or why it is not valid. */
export function parseConfigValue(parameter: ConfigParameter, value: string, current: string): string | ConfigValueError {
  const kind = parameter.kind;
  switch (kind.type) {
    case 'bool': {
      const lower = value.toLowerCase();
      if (lower !== 'yes' && lower !== 'no') return { error: "argument must be 'yes' or 'no'" };
      return lower;
    }
    case 'enum': {
      const lower = value.toLowerCase();
      if (!kind.values.includes(lower)) return { error: `argument(s) must be one of the following: ${kind.values.join(', ')}` };
      return lower;
    }
    case 'integer': {
      const parsed = parseStrictIntegerText(value);
      if (parsed === undefined) return { error: "argument couldn't be parsed into an integer" };
      return checkBounds(parsed, kind.min, kind.max);
    }
    case 'memory': {
      const parsed = parseMemory(value);
      if (parsed === undefined) return { error: 'argument must be a memory value' };
      return checkBounds(parsed, kind.min, kind.max);
    }
    case 'string':
      return value;
    case 'special':
      return validateSpecialConfig(parameter.name, value, current);
  }
}

function checkBounds(value: bigint, min: bigint, max: bigint): string | ConfigValueError {
  if (value < min || value > max) return { error: `argument must be between ${min} and ${max} inclusive` };
  return value.toString();
}
