import { InputError } from '../../core/errors.js';

/** A plain object read from a scenario file. */
export type Fields = Readonly<Record<string, unknown>>;

/** Describes a bad value in an error message: short, JSON-like. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
}

/**
 * Field checks that throw an InputError naming the file and the field
 * (`scenarios/foo.ts: workload.clients: must be a positive integer, got -1`).
 */
export class FieldChecks {
  constructor(readonly file: string) {}

  fail(where: string, problem: string): never {
    throw new InputError(this.file, where, problem);
  }

  object(value: unknown, where: string): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(where, `must be an object, got ${describeValue(value)}`);
    return value as Fields;
  }

  /** Rejects fields other than `known` (typos would otherwise be ignored silently). */
  onlyKnownFields(fields: Fields, known: readonly string[], where: string): void {
    for (const name of Object.keys(fields)) {
      if (!known.includes(name)) this.fail(where === '' ? name : `${where}.${name}`, `unknown field (known: ${known.join(', ')})`);
    }
  }

  string(value: unknown, where: string): string {
    if (typeof value !== 'string') this.fail(where, `must be a string, got ${describeValue(value)}`);
    return value;
  }

  boolean(value: unknown, where: string): boolean {
    if (typeof value !== 'boolean') this.fail(where, `must be true or false, got ${describeValue(value)}`);
    return value;
  }

  finiteNumber(value: unknown, where: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(where, `must be a finite number, got ${describeValue(value)}`);
    return value;
  }

  nonNegativeNumber(value: unknown, where: string): number {
    const number = this.finiteNumber(value, where);
    if (number < 0) this.fail(where, `must not be negative, got ${number}`);
    return number;
  }

  positiveNumber(value: unknown, where: string): number {
    const number = this.finiteNumber(value, where);
    if (number <= 0) this.fail(where, `must be a positive number, got ${number}`);
    return number;
  }

  positiveInteger(value: unknown, where: string, max = Number.MAX_SAFE_INTEGER): number {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) this.fail(where, `must be a positive integer, got ${describeValue(value)}`);
    if (value > max) this.fail(where, `must be at most ${max}, got ${value}`);
    return value;
  }

  fraction(value: unknown, where: string): number {
    const number = this.finiteNumber(value, where);
    if (number < 0 || number > 1) this.fail(where, `must be between 0 and 1, got ${number}`);
    return number;
  }

  oneOf<T extends string>(value: unknown, allowed: readonly T[], where: string): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) this.fail(where, `must be one of ${allowed.join(', ')}, got ${describeValue(value)}`);
    return value as T;
  }

  list(value: unknown, where: string): readonly unknown[] {
    if (!Array.isArray(value)) this.fail(where, `must be a list, got ${describeValue(value)}`);
    return value;
  }
}
