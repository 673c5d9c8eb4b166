import { IssueCodes } from '../diagnostics/catalogue.js';
import { isCompositeCstNode, isLeafCstNode, MultiMap, type AstNode, type CstNode, type ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { blocks, sameSet, valueItems } from '../ast/ast-views.js';
import { pathOf } from '../ast/names.js';

/**
 * What a rule's preconditions say about one path (`order.status`): the values it may hold (`=`, `in`, a
 * `becomes` trigger), the values it may not (`!=`, `not in`). When no value is left, the rule cannot fire.
 */
interface PathConstraint {
    allowed?: Set<string>;
    excluded: Set<string>;
}

/** One precondition read as a constraint: `path` is in `values` (or not), stated by `node`. */
interface Atom {
    path: string;
    values: Set<string>;
    negated: boolean;
    node: AstNode;
}

/** Rules that can never fire: their `requires:` contradict each other or the state their trigger leaves. */
export function checkNeverFires(rule: ast.RuleDecl, accept: ValidationAcceptor): void {
    const constraints = new Map<string, PathConstraint>();
    const triggered = triggerAtom(rule);
    if (triggered) {
        narrow(constraints, triggered);
    }
    // Loops rather than chained flatMaps: every rule of the file is read on each validation.
    for (const item of rule.items) {
        for (const precondition of requiresOf(item)) {
            for (const conjunct of conjuncts(precondition)) {
                const atom = atomOf(conjunct);
                const constraint = atom && narrow(constraints, atom);
                if (atom && constraint?.allowed && [...constraint.allowed].every(v => constraint.excluded.has(v))) {
                    const other = triggered?.path === atom.path ? 'its trigger' : 'its earlier preconditions';
                    accept('warning', `Rule '${rule.name}' can never fire: no value of '${atom.path}' meets this precondition and ${other} together. Correct or remove the conflicting condition.`,
                        { node: atom.node, code: IssueCodes.RuleNeverFires });
                    return;
                }
            }
        }
    }
}

function narrow(constraints: Map<string, PathConstraint>, atom: Atom): PathConstraint {
    let constraint = constraints.get(atom.path);
    if (!constraint) {
        constraints.set(atom.path, constraint = { excluded: new Set() });
    }
    if (atom.negated) {
        atom.values.forEach(v => constraint.excluded.add(v));
    } else {
        const allowed = constraint.allowed;
        constraint.allowed = allowed ? new Set([...atom.values].filter(v => allowed.has(v))) : atom.values;
    }
    return constraint;
}

/**
 * `when: order: Order.status becomes shipped` (or `when: order.status becomes shipped`): the rule fires with the
 * entity already in its target state, so `order.status` is `shipped`.
 */
function triggerAtom(rule: ast.RuleDecl): Atom | undefined {
    const trigger = rule.items.find(ast.isTriggerClause)?.trigger;
    const expr = trigger?.expr;
    if (!ast.isBinaryExpr(expr) || !['becomes', 'transitions_to'].includes(expr.operator) || !ast.isMemberAccess(expr.left)) {
        return undefined;
    }
    const path = trigger?.binding ? `${trigger.binding.name}.${expr.left.member.$refText}` : pathOf(expr.left, true);
    const values = constantsOf(expr.right);
    return path && values ? { path, values, negated: false, node: expr } : undefined;
}

function requiresOf(item: ast.BlockItem): AstNode[] {
    return ast.isAssignment(item) && item.name === 'requires' ? valueItems(item.value) : [];
}

/** `a and b` holds when both hold. */
function conjuncts(node: AstNode): AstNode[] {
    if (ast.isBinaryExpr(node) && node.operator === 'and') {
        return [...conjuncts(node.left), ...conjuncts(node.right)];
    }
    return ast.isParenthesized(node) ? conjuncts(node.inner) : [node];
}

const MEMBERSHIP = new Set(['=', '!=', 'in', 'not in']);

/** `path = v`, `path != v`, `path in {v, w}`, `path not in {...}`, `exists path`, `path`, `not path`. */
function atomOf(node: AstNode): Atom | undefined {
    if (ast.isBinaryExpr(node) && MEMBERSHIP.has(node.operator)) {
        const negated = node.operator === '!=' || node.operator === 'not in';
        const swapped = (node.operator === '=' || node.operator === '!=') && constantOf(node.left) !== undefined;
        const subject = swapped ? node.right : node.left;
        const path = constantOf(subject) === undefined ? pathOf(subject, true) : undefined;
        const values = constantsOf(swapped ? node.left : node.right);
        return path && values ? { path, values, negated, node } : undefined;
    }
    if (ast.isUnaryExpr(node) && (node.op === 'exists' || node.op === 'not')) {
        const path = pathOf(node.operand, true);
        return path ? { path, values: new Set([node.op === 'exists' ? 'null' : 'true']), negated: true, node } : undefined;
    }
    const path = constantOf(node) === undefined ? pathOf(node, true) : undefined;
    return path ? { path, values: new Set(['true']), negated: false, node } : undefined;
}

/** The values a literal, an enum literal, a `a | b` or a `{a, b}` stands for; undefined when one is not a constant. */
function constantsOf(node: AstNode | undefined): Set<string> | undefined {
    if (ast.isBinaryExpr(node) && node.operator === '|' || ast.isSetLiteral(node)) {
        const parts = ast.isSetLiteral(node) ? node.elements : [node.left, node.right];
        const values = parts.map(constantsOf);
        return values.every(v => v !== undefined) ? new Set(values.flatMap(v => [...v!])) : undefined;
    }
    const value = constantOf(node);
    return value === undefined ? undefined : new Set([value]);
}

function constantOf(node: AstNode | undefined): string | undefined {
    if (ast.isStringLiteral(node)) {
        return `string ${node.$cstNode?.text}`;
    }
    if (ast.isNumberLiteral(node)) {
        return `number ${Number(node.value.replace(/_/g, ''))}`;
    }
    if (ast.isBooleanLiteral(node)) {
        return node.value;
    }
    if (ast.isNullLiteral(node)) {
        return 'null';
    }
    if (ast.isBacktickLiteral(node)) {
        return `literal ${node.value}`;
    }
    return ast.isNameRef(node) && isConstantName(node) ? `literal ${node.ref.$refText}` : undefined;
}

/**
 * `pending` in `order.status = pending` names a value (a literal of a named or inline enum, a variant, a default
 * instance); a let, a trigger parameter or a field names something that varies. A name nothing declares is read
 * as a literal of an enum whose field the checker cannot type (`user.status = active` with `user` unknown).
 */
function isConstantName(node: ast.NameRef): boolean {
    const target = node.ref.ref;
    return target === undefined || ast.isEnumLiteral(target) || ast.isVariantDecl(target) || ast.isDefaultDecl(target)
        || (ast.isNameRef(target) && ast.isBinaryExpr(target.$container) && target.$container.operator === '|');
}

/** What a rule does, as written: its trigger, its preconditions, its outcome and the rest of its body. */
interface RuleShape {
    rule: ast.RuleDecl;
    requires: Set<string>;
    body: string;
}

/**
 * Two rules on the same trigger that do the same thing: a copy (same preconditions too), or one whose
 * preconditions add to the other's, so that whenever it fires the broader rule fires as well.
 */
export function checkOverlappingRules(module: ast.Module, accept: ValidationAcceptor): void {
    const byTrigger = new MultiMap<string, ast.RuleDecl>();
    for (const rule of blocks(module, ast.isRuleDecl)) {
        const trigger = rule.items.find(ast.isTriggerClause)?.trigger;
        // A rule with a syntax error in its body says something the parser could not read.
        if (trigger && !rule.items.some(ast.isStray)) {
            byTrigger.add(tokensOf(trigger), rule);
        }
    }
    for (const [, rules] of byTrigger.entriesGroupedByKey()) {
        if (rules.length > 1) {
            const shapes = rules.map(shapeOf);
            const shadowed = new Set<RuleShape>();
            shapes.forEach((shape, index) => compareWithEarlier(shape, shapes.slice(0, index), shadowed, accept));
        }
    }
}

/** Reports `shape` if it copies an earlier rule, and the narrower of it and an earlier rule doing the same, once each. */
function compareWithEarlier(shape: RuleShape, earlier: RuleShape[], shadowed: Set<RuleShape>, accept: ValidationAcceptor): void {
    const same = earlier.filter(other => other.body === shape.body);
    const copy = same.find(other => sameSet(other.requires, shape.requires));
    if (copy) {
        accept('warning', `Rule '${shape.rule.name}' repeats rule '${copy.rule.name}': same trigger, preconditions and outcome. Remove one of them.`,
            { node: shape.rule, property: 'name', code: IssueCodes.RuleDuplicateBehavior });
        return;
    }
    for (const other of same) {
        const [narrower, broader] = other.requires.size < shape.requires.size ? [shape, other] : [other, shape];
        if (!shadowed.has(narrower) && [...broader.requires].every(r => narrower.requires.has(r))) {
            shadowed.add(narrower);
            accept('info', `Rule '${narrower.rule.name}' does what rule '${broader.rule.name}' does on the same trigger, under stricter preconditions: whenever it fires, '${broader.rule.name}' fires as well. Merge them, or make their preconditions exclusive.`,
                { node: narrower.rule, property: 'name', code: IssueCodes.RulePotentialShadow });
        }
    }
}

function shapeOf(rule: ast.RuleDecl): RuleShape {
    const requires = new Set(rule.items.flatMap(requiresOf).flatMap(conjuncts).map(tokensOf));
    const ensures = rule.items.flatMap(i => ast.isAssignment(i) && i.name === 'ensures' ? valueItems(i.value) : []).map(tokensOf).sort();
    // Annotations and open questions are prose, not behaviour.
    const rest = rule.items.filter(i => !ast.isTriggerClause(i) && !ast.isAnnotation(i) && !ast.isOpenQuestion(i)
        && !(ast.isAssignment(i) && (i.name === 'requires' || i.name === 'ensures'))).map(tokensOf);
    return { rule, requires, body: JSON.stringify([ensures, rest]) };
}

/** The tokens of a node, one space apart: layout and comments do not change what a clause says. */
function tokensOf(node: AstNode): string {
    const tokens: string[] = [];
    if (node.$cstNode) {
        collectTokens(node.$cstNode, tokens);
    }
    return tokens.join(' ');
}

// A plain walk: Langium's stream-based flattenCst costs more than the rest of this check on large specs.
function collectTokens(cst: CstNode, tokens: string[]): void {
    if (isCompositeCstNode(cst)) {
        for (const child of cst.content) {
            collectTokens(child, tokens);
        }
    } else if (isLeafCstNode(cst) && !cst.hidden && cst.text.length > 0 && !SYNTHETIC.has(cst.tokenType.name)) {
        tokens.push(cst.text);
    }
}

const SYNTHETIC = new Set(['INDENT', 'DEDENT']);
