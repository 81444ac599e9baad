import type { Expression, FunctionNode, LocalVariable, UpvalueSource } from './ast.js';

/** Name resolution while parsing one function: its block scopes, slots and upvalues. */
export class FunctionScope {
  private readonly blocks: Map<string, LocalVariable>[] = [];
  readonly upvalues: { name: string; source: UpvalueSource }[] = [];
  slotCount = 0;
  /** Whether the body uses `...` (else a vararg function gets Lua 5.0's `arg` table: LUA_COMPAT_VARARG). */
  usesVarargExpression = false;
  /** The implicit `arg` local of a vararg function. */
  argVariable: LocalVariable | undefined = undefined;
  /** Loops currently open (for `break`). */
  loopDepth = 0;

  constructor(readonly parent: FunctionScope | undefined, readonly isVararg: boolean) {}

  openBlock(): void {
    this.blocks.push(new Map());
  }

  closeBlock(): void {
    this.blocks.pop();
  }

  /** A new local; it becomes visible only once `activate` is called (`local x = x` reads the outer x). */
  declare(name: string): LocalVariable {
    const variable: LocalVariable = { name, slot: this.slotCount, captured: false };
    this.slotCount += 1;
    return variable;
  }

  activate(variable: LocalVariable): void {
    const block = this.blocks[this.blocks.length - 1];
    if (block !== undefined) block.set(variable.name, variable);
  }

  findLocal(name: string): LocalVariable | undefined {
    for (let index = this.blocks.length - 1; index >= 0; index -= 1) {
      const variable = this.blocks[index]?.get(name);
      if (variable !== undefined) return variable;
    }
    return undefined;
  }

  /** The upvalue index for `name`, adding it (and the chain through enclosing functions), or undefined for a global. */
  findUpvalue(name: string): number | undefined {
    const existing = this.upvalues.findIndex((upvalue) => upvalue.name === name);
    if (existing >= 0) return existing;
    const parent = this.parent;
    if (parent === undefined) return undefined;
    const local = parent.findLocal(name);
    if (local !== undefined) {
      local.captured = true;
      this.upvalues.push({ name, source: { from: 'local', variable: local } });
      return this.upvalues.length - 1;
    }
    const outer = parent.findUpvalue(name);
    if (outer === undefined) return undefined;
    this.upvalues.push({ name, source: { from: 'upvalue', index: outer } });
    return this.upvalues.length - 1;
  }

  resolve(name: string, line: number): Expression {
    const local = this.findLocal(name);
    if (local !== undefined) return { kind: 'local', variable: local };
    const upvalue = this.findUpvalue(name);
    if (upvalue !== undefined) return { kind: 'upvalue', index: upvalue, name };
    return { kind: 'global', name, line };
  }

  finish(name: string, line: number, parameters: LocalVariable[], body: FunctionNode['body']): FunctionNode {
    const argVariable = this.usesVarargExpression ? undefined : this.argVariable;
    return { name, line, parameters, isVararg: this.isVararg, argVariable, body, upvalues: this.upvalues, slotCount: this.slotCount };
  }
}
