import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOfType } from '../ast-nodes.js';
import { isField, isTypeDecl, type Field } from '../typing/spec-nodes.js';
import { declaredType, isPrimitiveType } from '../typing/declared-types.js';

/** `Number` is a whole-number literal, which reads as an Integer or a Decimal. */
type Scalar = 'String' | 'Integer' | 'Decimal' | 'Number' | 'Duration' | 'Timestamp' | 'Boolean';

/** What a value is, where the spec says so precisely: a literal, or a field declared with a primitive or enum type. */
type ValueType =
    | { kind: 'scalar'; scalar: Scalar }
    | { kind: 'enum'; decl: ast.EnumDecl }
    | { kind: 'inline'; field: Field }
    | { kind: 'null' };

const ORDERING = new Set(['<', '<=', '>', '>=']);
const ARITHMETIC = new Set(['+', '-', '*', '/']);
const LOGICAL = new Set(['=', '!=', '<', '<=', '>', '>=', 'in', 'not in', 'and', 'or', 'implies']);
const NUMERIC = new Set<Scalar>(['Integer', 'Decimal', 'Number']);
const MAX_DEPTH = 8;

/**
 * Comparisons and arithmetic whose operands cannot go together (rule 12): a string ordered or added, a Decimal
 * field compared with a string, a Timestamp plus a bare number. Operands the spec does not type are left alone.
 * Two inline enum fields are never comparable (rule 14): an inline enum has no identity outside its field.
 */
export function checkExpressionTypes(module: ast.Module, accept: ValidationAcceptor): void {
    const types = new ExpressionTypes();
    for (const expr of nodesOfType<ast.BinaryExpr>(module, 'BinaryExpr')) {
        if (expr.operator === '=' || expr.operator === '!=') {
            checkEquality(expr, types, accept);
        } else if (ORDERING.has(expr.operator)) {
            checkOrdering(expr, types, accept);
        } else if (ARITHMETIC.has(expr.operator)) {
            checkArithmetic(expr, types, accept);
        }
    }
}

function checkEquality(expr: ast.BinaryExpr, types: ExpressionTypes, accept: ValidationAcceptor): void {
    const left = types.of(expr.left);
    const right = types.of(expr.right);
    if (!left || !right || left.kind === 'null' || right.kind === 'null') {
        return;
    }
    if (left.kind === 'inline' && right.kind === 'inline') {
        if (left.field !== right.field) {
            accept('error', `${text(expr.left)} and ${text(expr.right)} are inline enums of different fields, which share no type even when their values match. Declare a named enum and use it for both fields.`,
                { node: expr, code: IssueCodes.ExpressionInlineEnumComparison });
        }
        return;
    }
    if (!comparable(left, right)) {
        mismatch(expr, left, right, 'are never equal. Use a value of the same type on both sides', accept);
    }
}

function checkOrdering(expr: ast.BinaryExpr, types: ExpressionTypes, accept: ValidationAcceptor): void {
    const string = [expr.left, expr.right].find(ast.isStringLiteral);
    if (string) {
        accept('error', `'${expr.operator}' orders values, and the string ${text(string)} has no order. Compare a number, a Duration or a Timestamp, or test equality with '='.`,
            { node: expr, code: IssueCodes.ExpressionTypeMismatch });
        return;
    }
    const left = types.scalarOf(expr.left);
    const right = types.scalarOf(expr.right);
    if (left && right && category(left) !== category(right)) {
        mismatch(expr, { kind: 'scalar', scalar: left }, { kind: 'scalar', scalar: right }, 'cannot be ordered against each other. Compare values of the same type', accept);
    }
}

function checkArithmetic(expr: ast.BinaryExpr, types: ExpressionTypes, accept: ValidationAcceptor): void {
    const string = [expr.left, expr.right].find(ast.isStringLiteral);
    if (string) {
        accept('error', `'${expr.operator}' is arithmetic, and the string ${text(string)} is not a number. Use a number, a Duration or a Timestamp here.`,
            { node: expr, code: IssueCodes.ExpressionTypeMismatch });
        return;
    }
    const left = types.of(expr.left);
    const right = types.of(expr.right);
    if (left && right && left.kind !== 'null' && right.kind !== 'null' && !arithmetic(expr.operator, left, right)) {
        mismatch(expr, left, right, `cannot be combined with '${expr.operator}'. ${arithmeticHint(expr.operator, left, right)}`, accept);
    }
}

function mismatch(expr: ast.BinaryExpr, left: ValueType, right: ValueType, problem: string, accept: ValidationAcceptor): void {
    accept('error', `${text(expr.left)} is ${describe(left)} and ${text(expr.right)} is ${describe(right)}: they ${problem}.`,
        { node: expr, code: IssueCodes.ExpressionTypeMismatch });
}

/** Values of one type, or of the two numeric types, can be compared for equality; an inline enum with a named one is left open. */
function comparable(left: ValueType, right: ValueType): boolean {
    if (left.kind === 'scalar' && right.kind === 'scalar') {
        return category(left.scalar) === category(right.scalar);
    }
    if (left.kind === 'enum' && right.kind === 'enum') {
        return left.decl === right.decl;
    }
    return (left.kind === 'inline' || left.kind === 'enum') && (right.kind === 'inline' || right.kind === 'enum');
}

function category(scalar: Scalar): string {
    return NUMERIC.has(scalar) ? 'number' : scalar;
}

/**
 * The language reference's type compatibility table: numbers of one type with each other, a Decimal scaled by an
 * Integer, Durations added together or scaled by an Integer; and a Timestamp moved by a Duration, or two
 * Timestamps subtracted, as its temporal examples do. Anything else is a type error.
 */
function arithmetic(operator: string, left: ValueType, right: ValueType): Scalar | undefined {
    if (left.kind !== 'scalar' || right.kind !== 'scalar') {
        return undefined;
    }
    const l = left.scalar;
    const r = right.scalar;
    if (NUMERIC.has(l) && NUMERIC.has(r)) {
        return numeric(operator, l, r);
    }
    const pair = `${l} ${operator} ${r}`;
    return TEMPORAL.get(pair.replace(/Number/g, 'Integer'));
}

const TEMPORAL = new Map<string, Scalar>([
    ['Duration + Duration', 'Duration'], ['Duration - Duration', 'Duration'],
    ['Duration * Integer', 'Duration'], ['Duration / Integer', 'Duration'], ['Integer * Duration', 'Duration'],
    ['Timestamp + Duration', 'Timestamp'], ['Duration + Timestamp', 'Timestamp'], ['Timestamp - Duration', 'Timestamp'],
    ['Timestamp - Timestamp', 'Duration']
]);

function numeric(operator: string, l: Scalar, r: Scalar): Scalar | undefined {
    if (l === r || r === 'Number') {
        return l;
    }
    if (l === 'Number') {
        return r;
    }
    // An Integer and a Decimal: only a Decimal scaled by an Integer, or an Integer times a Decimal.
    const scaled = l === 'Decimal' ? operator === '*' || operator === '/' : operator === '*';
    return scaled ? 'Decimal' : undefined;
}

function arithmeticHint(operator: string, left: ValueType, right: ValueType): string {
    const scalars = [left, right].map(t => t.kind === 'scalar' ? t.scalar : undefined);
    const scaling = operator === '*' || operator === '/';
    if (scalars.includes('Timestamp')) {
        return 'A Timestamp only moves by a Duration (+ or -), or gives one when another Timestamp is subtracted';
    }
    if (scalars.includes('Duration')) {
        return scaling ? 'A Duration scales by an Integer only' : 'Write the amount as a Duration, such as 5.minutes';
    }
    if (scalars.includes('Integer') && scalars.includes('Decimal')) {
        return 'Declare both Decimal; an Integer only scales a Decimal (with * or /)';
    }
    return 'Arithmetic takes numbers, Durations and Timestamps';
}

function describe(type: ValueType): string {
    switch (type.kind) {
        case 'scalar':
            return type.scalar === 'Number' ? 'a number' : article(type.scalar);
        case 'enum':
            return article(type.decl.name);
        case 'inline':
            return `a value of the inline enum of '${type.field.name}'`;
        default:
            return 'null';
    }
}

function article(name: string): string {
    return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}

/** An operand as written, cut short when long: a literal as is, anything else quoted. */
function text(node: AstNode): string {
    const written = node.$cstNode?.text.replace(/\s+/g, ' ') ?? '';
    const short = written.length > 40 ? `${written.slice(0, 37)}...` : written;
    return literalType(node) ? short : `'${short}'`;
}

/** The types of expressions and fields, each worked out once per validation of a module. */
class ExpressionTypes {
    private readonly fields = new Map<Field, ValueType | undefined>();
    private readonly binaries = new Map<ast.BinaryExpr, ValueType | undefined>();

    scalarOf(node: AstNode | undefined): Scalar | undefined {
        const type = this.of(node);
        return type?.kind === 'scalar' ? type.scalar : undefined;
    }

    /** `depth` counts the lets followed, which could otherwise lead back to themselves. */
    of(node: AstNode | undefined, depth = 0): ValueType | undefined {
        if (!node || depth > MAX_DEPTH) {
            return undefined;
        }
        const literal = literalType(node);
        if (literal) {
            return literal;
        }
        if (ast.isParenthesized(node)) {
            return this.of(node.inner, depth);
        }
        if (ast.isUnaryExpr(node)) {
            return node.op === '-' ? this.of(node.operand, depth) : { kind: 'scalar', scalar: 'Boolean' };
        }
        if (ast.isBinaryExpr(node)) {
            // Each operator of a chain `a + b + c` is checked in turn; its operands are typed once.
            if (!this.binaries.has(node)) {
                this.binaries.set(node, this.ofBinary(node, depth));
            }
            return this.binaries.get(node);
        }
        const target = ast.isMemberAccess(node) ? node.member.ref : ast.isNameRef(node) ? node.ref.ref : undefined;
        return target && this.ofTarget(target, depth);
    }

    private ofBinary(node: ast.BinaryExpr, depth: number): ValueType | undefined {
        if (LOGICAL.has(node.operator)) {
            return { kind: 'scalar', scalar: 'Boolean' };
        }
        if (!ARITHMETIC.has(node.operator)) {
            return undefined;
        }
        const left = this.of(node.left, depth);
        const right = this.of(node.right, depth);
        const result = left && right && arithmetic(node.operator, left, right);
        return result && { kind: 'scalar', scalar: result };
    }

    /** What a name stands for: a field's declared type, a let's value, an enum literal's enum. */
    private ofTarget(target: AstNode, depth: number): ValueType | undefined {
        if (isField(target)) {
            if (!this.fields.has(target)) {
                this.fields.set(target, fieldType(target));
            }
            return this.fields.get(target);
        }
        if ((ast.isLetItem(target) || ast.isLetExpr(target)) && !ast.isExprBlock(target.value)) {
            return this.of(target.value, depth + 1);
        }
        if (ast.isEnumLiteral(target)) {
            return { kind: 'enum', decl: target.$container };
        }
        return undefined;
    }
}

function literalType(node: AstNode): ValueType | undefined {
    switch (node.$type) {
        case 'StringLiteral':
            return { kind: 'scalar', scalar: 'String' };
        case 'NumberLiteral':
            return { kind: 'scalar', scalar: (node as ast.NumberLiteral).value.includes('.') ? 'Decimal' : 'Number' };
        case 'DurationLiteral':
            return { kind: 'scalar', scalar: 'Duration' };
        case 'BooleanLiteral':
            return { kind: 'scalar', scalar: 'Boolean' };
        case 'NowLiteral':
            return { kind: 'scalar', scalar: 'Timestamp' };
        case 'NullLiteral':
            return { kind: 'null' };
        default:
            return undefined;
    }
}

/**
 * The type a field declares: `Integer`, `Decimal?`, `Timestamp when status = shipped`, `timeout: Duration = 5.minutes`,
 * a named enum, or an inline `a | b`. Derived values, collections and entity references are not typed here.
 */
function fieldType(field: Field): ValueType | undefined {
    const value = declaredType(field, { withDefault: true }).type;
    if (ast.isNameRef(value)) {
        const target = value.ref.ref;
        if (ast.isEnumDecl(target)) {
            return { kind: 'enum', decl: target };
        }
        return isPrimitiveType(value.ref.$refText) && !isTypeDecl(target) ? { kind: 'scalar', scalar: value.ref.$refText as Scalar } : undefined;
    }
    return isInlineEnum(value) ? { kind: 'inline', field } : undefined;
}

/** `pending | active`: lowercase names or backtick literals joined by `|`; capitalised names are variants. */
function isInlineEnum(node: AstNode | undefined): boolean {
    if (ast.isBinaryExpr(node) && node.operator === '|') {
        return [node.left, node.right].every(side => isInlineEnum(side) || ast.isBacktickLiteral(side)
            || (ast.isNameRef(side) && /^[a-z_]/.test(side.ref.$refText)));
    }
    return false;
}
