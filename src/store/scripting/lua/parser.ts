import type { BinaryOperator, Block, Expression, FunctionNode, Statement, TableItem } from './ast.js';
import { Lexer, type Token } from './lexer.js';
import { FunctionScope } from './scopes.js';

/** Left and right binding priorities of Lua 5.1's binary operators (lparser.c). */
const binaryPriority: Readonly<Record<string, readonly [number, number]>> = {
  '+': [6, 6], '-': [6, 6], '*': [7, 7], '/': [7, 7], '%': [7, 7], '^': [10, 9], '..': [5, 4],
  '==': [3, 3], '~=': [3, 3], '<': [3, 3], '<=': [3, 3], '>': [3, 3], '>=': [3, 3], and: [2, 2], or: [1, 1],
};
const unaryPriority = 8;
const syntaxLevelsMax = 200;

const blockEnders = new Set(['else', 'elseif', 'end', 'until', 'eof']);

/** Parses a chunk into a FunctionNode (the main function: vararg, no parameters). */
export function parseChunk(source: string, chunkName: string): FunctionNode {
  return new Parser(source, chunkName).parseMain();
}

class Parser {
  private readonly lexer: Lexer;
  private token: Token;
  private lookahead: Token | undefined;
  /** Line of the last token consumed (Lua's lastline). */
  private lastLine = 1;
  private scope: FunctionScope;
  private level = 0;

  constructor(source: string, chunkName: string) {
    this.lexer = new Lexer(source, chunkName);
    this.token = this.lexer.nextToken();
    this.scope = new FunctionScope(undefined, true);
  }

  parseMain(): FunctionNode {
    this.scope.openBlock();
    const body = this.block();
    this.check('eof');
    this.scope.closeBlock();
    return this.scope.finish('main chunk', 0, [], body);
  }

  // ---- tokens -------------------------------------------------------------

  private advance(): void {
    this.lastLine = this.token.line;
    if (this.lookahead !== undefined) {
      this.token = this.lookahead;
      this.lookahead = undefined;
    } else {
      this.token = this.lexer.nextToken();
    }
  }

  private peek(): Token {
    this.lookahead ??= this.lexer.nextToken();
    return this.lookahead;
  }

  private error(message: string): never {
    this.lexer.line = this.token.line;
    return this.lexer.error(message, this.token.near);
  }

  private testNext(type: string): boolean {
    if (this.token.type !== type) return false;
    this.advance();
    return true;
  }

  private check(type: string): void {
    if (this.token.type !== type) this.error(`'${tokenText(type)}' expected`);
  }

  private checkNext(type: string): void {
    this.check(type);
    this.advance();
  }

  private checkMatch(what: string, who: string, line: number): void {
    if (this.testNext(what)) return;
    if (line === this.token.line) this.error(`'${tokenText(what)}' expected`);
    this.error(`'${what}' expected (to close '${who}' at line ${line})`);
  }

  private name(): string {
    this.check('name');
    const name = this.token.value as string;
    this.advance();
    return name;
  }

  // ---- blocks and statements ------------------------------------------------

  private block(): Block {
    const statements: Statement[] = [];
    while (!blockEnders.has(this.token.type)) {
      if (this.token.type === 'return' || this.token.type === 'break') {
        statements.push(this.lastStatement());
        break;
      }
      statements.push(this.statement());
      this.testNext(';');
    }
    return statements;
  }

  private scopedBlock(): Block {
    this.scope.openBlock();
    const body = this.block();
    this.scope.closeBlock();
    return body;
  }

  private lastStatement(): Statement {
    const line = this.token.line;
    if (this.testNext('break')) {
      if (this.scope.loopDepth === 0) this.error('no loop to break');
      this.testNext(';');
      return { kind: 'break' };
    }
    this.advance();
    const values = blockEnders.has(this.token.type) || this.token.type === ';' ? [] : this.expressionList();
    this.testNext(';');
    return { kind: 'return', values, line };
  }

  private statement(): Statement {
    this.enterLevel();
    const statement = this.statementAtLevel();
    this.level -= 1;
    return statement;
  }

  private statementAtLevel(): Statement {
    const line = this.token.line;
    switch (this.token.type) {
      case 'if': return this.ifStatement(line);
      case 'while': return this.whileStatement(line);
      case 'do': {
        this.advance();
        const body = this.scopedBlock();
        this.checkMatch('end', 'do', line);
        return { kind: 'do', body };
      }
      case 'for': return this.forStatement(line);
      case 'repeat': return this.repeatStatement(line);
      case 'function': return this.functionStatement(line);
      case 'local':
        this.advance();
        return this.testNext('function') ? this.localFunction() : this.localStatement();
      default: return this.expressionStatement();
    }
  }

  private ifStatement(line: number): Statement {
    const clauses: { condition: Expression; body: Block }[] = [];
    do {
      this.advance();
      const condition = this.expression();
      this.checkNext('then');
      clauses.push({ condition, body: this.scopedBlock() });
    } while (this.token.type === 'elseif');
    let otherwise: Block | undefined;
    if (this.testNext('else')) otherwise = this.scopedBlock();
    this.checkMatch('end', 'if', line);
    return { kind: 'if', clauses, otherwise };
  }

  private loopBody(): Block {
    this.scope.loopDepth += 1;
    const body = this.scopedBlock();
    this.scope.loopDepth -= 1;
    return body;
  }

  private whileStatement(line: number): Statement {
    this.advance();
    const condition = this.expression();
    this.checkNext('do');
    const body = this.loopBody();
    this.checkMatch('end', 'while', line);
    return { kind: 'while', condition, body, line };
  }

  private repeatStatement(line: number): Statement {
    this.advance();
    this.scope.loopDepth += 1;
    this.scope.openBlock();
    const body = this.block();
    this.checkMatch('until', 'repeat', line);
    const condition = this.expression();
    this.scope.closeBlock();
    this.scope.loopDepth -= 1;
    return { kind: 'repeat', body, condition, line };
  }

  private forStatement(line: number): Statement {
    this.advance();
    const first = this.name();
    if (this.token.type === '=') return this.numericFor(first, line);
    if (this.token.type === ',' || this.token.type === 'in') return this.genericFor(first, line);
    return this.error("'=' or 'in' expected");
  }

  private numericFor(name: string, line: number): Statement {
    this.advance();
    const start = this.expression();
    this.checkNext(',');
    const limit = this.expression();
    const step = this.testNext(',') ? this.expression() : undefined;
    this.checkNext('do');
    this.scope.openBlock();
    const variable = this.scope.declare(name);
    this.scope.activate(variable);
    const body = this.loopBody();
    this.scope.closeBlock();
    this.checkMatch('end', 'for', line);
    return { kind: 'numericFor', variable, start, limit, step, body, line };
  }

  private genericFor(first: string, line: number): Statement {
    const names = [first];
    while (this.testNext(',')) names.push(this.name());
    this.checkNext('in');
    const iteratorLine = this.token.line;
    const iterators = this.expressionList();
    this.checkNext('do');
    this.scope.openBlock();
    const variables = names.map((name) => this.scope.declare(name));
    variables.forEach((variable) => this.scope.activate(variable));
    const body = this.loopBody();
    this.scope.closeBlock();
    this.checkMatch('end', 'for', line);
    return { kind: 'genericFor', variables, iterators, body, line: iteratorLine };
  }

  private functionStatement(line: number): Statement {
    this.advance();
    let target: Expression = this.scope.resolve(this.token.value as string, this.token.line);
    let fullName = this.name();
    let isMethod = false;
    while (this.token.type === '.' || this.token.type === ':') {
      isMethod = this.token.type === ':';
      this.advance();
      const key = this.name();
      fullName += (isMethod ? ':' : '.') + key;
      target = { kind: 'index', object: target, key: { kind: 'string', value: key }, line: this.lastLine };
      if (isMethod) break;
    }
    const node = this.functionBody(isMethod, fullName, line);
    return { kind: 'assign', targets: [target], values: [{ kind: 'function', node }], line };
  }

  private localFunction(): Statement {
    const name = this.name();
    const variable = this.scope.declare(name);
    this.scope.activate(variable);
    const node = this.functionBody(false, name, this.lastLine);
    return { kind: 'localFunction', variable, node };
  }

  private localStatement(): Statement {
    const names = [this.name()];
    while (this.testNext(',')) names.push(this.name());
    const values = this.testNext('=') ? this.expressionList() : [];
    const variables = names.map((name) => this.scope.declare(name));
    variables.forEach((variable) => this.scope.activate(variable));
    return { kind: 'local', variables, values };
  }

  private expressionStatement(): Statement {
    const first = this.suffixedExpression();
    if (first.kind === 'call' || first.kind === 'method') return { kind: 'call', call: first };
    const targets = [this.assignable(first)];
    while (this.testNext(',')) targets.push(this.assignable(this.suffixedExpression()));
    this.checkNext('=');
    const line = this.lastLine;
    const values = this.expressionList();
    return { kind: 'assign', targets, values, line };
  }

  private assignable(target: Expression): Expression {
    if (target.kind !== 'local' && target.kind !== 'upvalue' && target.kind !== 'global' && target.kind !== 'index') this.error('syntax error');
    return target;
  }

  // ---- functions ------------------------------------------------------------

  private functionBody(isMethod: boolean, name: string, line: number): FunctionNode {
    this.checkNext('(');
    const names: string[] = isMethod ? ['self'] : [];
    let isVararg = false;
    if (this.token.type !== ')') {
      do {
        if (this.testNext('...')) {
          isVararg = true;
          break;
        }
        if (this.token.type !== 'name') this.error('<name> or ' + "'...' expected");
        names.push(this.name());
      } while (this.testNext(','));
    }
    this.checkNext(')');
    const outer = this.scope;
    this.scope = new FunctionScope(outer, isVararg);
    this.scope.openBlock();
    const parameters = names.map((parameter) => this.scope.declare(parameter));
    parameters.forEach((parameter) => this.scope.activate(parameter));
    if (isVararg) {
      this.scope.argVariable = this.scope.declare('arg');
      this.scope.activate(this.scope.argVariable);
    }
    const body = this.block();
    this.checkMatch('end', 'function', line);
    this.scope.closeBlock();
    const node = this.scope.finish(name, line, parameters, body);
    this.scope = outer;
    return node;
  }

  // ---- expressions ----------------------------------------------------------

  private expressionList(): Expression[] {
    const list = [this.expression()];
    while (this.testNext(',')) list.push(this.expression());
    return list;
  }

  /** Lua 5.1's enterlevel: nesting beyond LUAI_MAXCCALLS (200) is refused, which also keeps our recursion bounded. */
  private enterLevel(): void {
    this.level += 1;
    if (this.level > syntaxLevelsMax) {
      this.lexer.line = this.token.line;
      this.lexer.error('chunk has too many syntax levels', undefined);
    }
  }

  expression(limit = 0): Expression {
    this.enterLevel();
    const expression = this.subexpression(limit);
    this.level -= 1;
    return expression;
  }

  private subexpression(limit: number): Expression {
    let left = this.unaryOrSimple();
    for (;;) {
      const operator = this.token.type;
      const priority = binaryPriority[operator];
      if (priority === undefined || priority[0] <= limit) return left;
      this.advance();
      const right = this.expression(priority[1]);
      left = makeBinary(operator, left, right, this.lastLine);
    }
  }

  private unaryOrSimple(): Expression {
    const operator = this.token.type;
    if (operator !== 'not' && operator !== '-' && operator !== '#') return this.simpleExpression();
    this.advance();
    const operand = this.expression(unaryPriority);
    if (operator === 'not') return { kind: 'not', operand };
    if (operator === '-' && operand.kind === 'number' && operand.value !== 0) return { kind: 'number', value: -operand.value };
    return { kind: operator === '-' ? 'negate' : 'length', operand, line: this.lastLine };
  }

  private simpleExpression(): Expression {
    const token = this.token;
    switch (token.type) {
      case 'number': this.advance(); return { kind: 'number', value: token.value as number };
      case 'string': this.advance(); return { kind: 'string', value: token.value as string };
      case 'nil': this.advance(); return { kind: 'nil' };
      case 'true': this.advance(); return { kind: 'true' };
      case 'false': this.advance(); return { kind: 'false' };
      case '...':
        if (!this.scope.isVararg) this.error("cannot use '...' outside a vararg function");
        this.scope.usesVarargExpression = true;
        this.advance();
        return { kind: 'vararg' };
      case '{': return this.tableConstructor();
      case 'function':
        this.advance();
        return { kind: 'function', node: this.functionBody(false, 'anonymous', token.line) };
      default: return this.suffixedExpression();
    }
  }

  private primaryExpression(): Expression {
    if (this.token.type === 'name') {
      const line = this.token.line;
      return this.scope.resolve(this.name(), line);
    }
    if (this.token.type === '(') {
      const line = this.token.line;
      this.advance();
      const inner = this.expression();
      this.checkMatch(')', '(', line);
      return { kind: 'paren', inner };
    }
    return this.error('unexpected symbol');
  }

  private suffixedExpression(): Expression {
    let expression = this.primaryExpression();
    for (;;) {
      switch (this.token.type) {
        case '.': {
          this.advance();
          const key = this.name();
          expression = { kind: 'index', object: expression, key: { kind: 'string', value: key }, line: this.lastLine };
          break;
        }
        case '[': {
          this.advance();
          const key = this.expression();
          this.checkNext(']');
          expression = { kind: 'index', object: expression, key, line: this.lastLine };
          break;
        }
        case ':': {
          this.advance();
          const name = this.name();
          const line = this.token.line;
          expression = { kind: 'method', object: expression, name, args: this.callArguments(), line };
          break;
        }
        case '(': case 'string': case '{': {
          const line = this.token.line;
          expression = { kind: 'call', callee: expression, args: this.callArguments(), line };
          break;
        }
        default: return expression;
      }
    }
  }

  private callArguments(): Expression[] {
    const token = this.token;
    if (token.type === 'string') {
      this.advance();
      return [{ kind: 'string', value: token.value as string }];
    }
    if (token.type === '{') return [this.tableConstructor()];
    if (token.type !== '(') return this.error('function arguments expected');
    if (token.line !== this.lastLine) this.error('ambiguous syntax (function call x new statement)');
    this.advance();
    const args = this.token.type === ')' ? [] : this.expressionList();
    this.checkMatch(')', '(', token.line);
    return args;
  }

  private tableConstructor(): Expression {
    const line = this.token.line;
    this.checkNext('{');
    const items: TableItem[] = [];
    while (this.token.type !== '}') {
      if (this.token.type === 'name' && this.peek().type === '=') {
        const key: Expression = { kind: 'string', value: this.name() };
        this.advance();
        items.push({ kind: 'keyed', key, value: this.expression() });
      } else if (this.testNext('[')) {
        const key = this.expression();
        this.checkNext(']');
        this.checkNext('=');
        items.push({ kind: 'keyed', key, value: this.expression() });
      } else {
        items.push({ kind: 'positional', value: this.expression() });
      }
      if (!this.testNext(',') && !this.testNext(';')) break;
    }
    this.checkMatch('}', '{', line);
    return { kind: 'table', items, line };
  }
}

function makeBinary(operator: string, left: Expression, right: Expression, line: number): Expression {
  if (operator === 'and' || operator === 'or') return { kind: operator, left, right };
  return { kind: 'binary', operator: operator as BinaryOperator, left, right, line };
}

function tokenText(type: string): string {
  if (type === 'eof') return '<eof>';
  if (type === 'name') return '<name>';
  return type;
}
