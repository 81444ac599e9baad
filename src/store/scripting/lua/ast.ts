/**
 * The parsed form of a Lua 5.1 chunk, with names already resolved to
 * locals (a slot of the function's activation), upvalues or globals.
 */

/** One local variable declaration; `captured` becomes true when an inner function uses it (it then lives in a cell). */
export interface LocalVariable {
  readonly name: string;
  readonly slot: number;
  captured: boolean;
}

/** Where a function's upvalue comes from when the closure is made. */
export type UpvalueSource =
  | { readonly from: 'local'; readonly variable: LocalVariable }
  | { readonly from: 'upvalue'; readonly index: number };

export interface FunctionNode {
  readonly name: string;
  readonly line: number;
  readonly parameters: LocalVariable[];
  readonly isVararg: boolean;
  /** Lua 5.1's compatibility `arg` table (varargs plus n), for vararg functions that do not use `...`. */
  readonly argVariable: LocalVariable | undefined;
  readonly body: Block;
  readonly upvalues: { readonly name: string; readonly source: UpvalueSource }[];
  slotCount: number;
}

export type Block = Statement[];

export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '^' | '..' | '==' | '~=' | '<' | '<=' | '>' | '>=';

export type Expression =
  | { readonly kind: 'nil' }
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'vararg' }
  | { readonly kind: 'function'; readonly node: FunctionNode }
  | { readonly kind: 'local'; readonly variable: LocalVariable }
  | { readonly kind: 'upvalue'; readonly index: number; readonly name: string }
  | { readonly kind: 'global'; readonly name: string; readonly line: number }
  | { readonly kind: 'index'; readonly object: Expression; readonly key: Expression; readonly line: number }
  | { readonly kind: 'call'; readonly callee: Expression; readonly args: Expression[]; readonly line: number }
  | { readonly kind: 'method'; readonly object: Expression; readonly name: string; readonly args: Expression[]; readonly line: number }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Expression; readonly right: Expression; readonly line: number }
  | { readonly kind: 'and' | 'or'; readonly left: Expression; readonly right: Expression }
  | { readonly kind: 'not'; readonly operand: Expression }
  | { readonly kind: 'negate' | 'length'; readonly operand: Expression; readonly line: number }
  | { readonly kind: 'table'; readonly items: TableItem[]; readonly line: number }
  | { readonly kind: 'paren'; readonly inner: Expression };

export type TableItem =
  | { readonly kind: 'positional'; readonly value: Expression }
  | { readonly kind: 'keyed'; readonly key: Expression; readonly value: Expression };

export type Statement =
  | { readonly kind: 'local'; readonly variables: LocalVariable[]; readonly values: Expression[] }
  | { readonly kind: 'localFunction'; readonly variable: LocalVariable; readonly node: FunctionNode }
  | { readonly kind: 'assign'; readonly targets: Expression[]; readonly values: Expression[]; readonly line: number }
  | { readonly kind: 'call'; readonly call: Expression }
  | { readonly kind: 'do'; readonly body: Block }
  | { readonly kind: 'while'; readonly condition: Expression; readonly body: Block; readonly line: number }
  | { readonly kind: 'repeat'; readonly body: Block; readonly condition: Expression; readonly line: number }
  | { readonly kind: 'if'; readonly clauses: { readonly condition: Expression; readonly body: Block }[]; readonly otherwise: Block | undefined }
  | {
      readonly kind: 'numericFor'; readonly variable: LocalVariable; readonly start: Expression; readonly limit: Expression;
      readonly step: Expression | undefined; readonly body: Block; readonly line: number;
    }
  | { readonly kind: 'genericFor'; readonly variables: LocalVariable[]; readonly iterators: Expression[]; readonly body: Block; readonly line: number }
  | { readonly kind: 'return'; readonly values: Expression[]; readonly line: number }
  | { readonly kind: 'break' };
