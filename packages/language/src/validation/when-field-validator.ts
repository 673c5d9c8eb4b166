import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { AlliumServices } from '../allium-module.js';
import { forEachNode } from '../ast-nodes.js';
import { blocks, clausesOf, identName, type Clause } from '../ast/ast-views.js';
import { pipeRefs } from '../ast/names.js';
import { isTypeExpression } from '../ast/type-expressions.js';

/** `tracking_number: String when status = shipped | delivered`: present only in those states of `status`. */
interface QualifiedField {
    field: ast.Assignment;
    statusField: string;
    states: Set<string>;
    /** Every value of the status field: a rule that sets it to anything else sets it from a binding. */
    values: Set<string>;
}

interface StatusChange {
    binding: string;
    statusField: string;
    to: string;
    node: ast.BinaryExpr;
}

/**
 * A field present only in some states (`when status = shipped | delivered`) must be set by a rule that moves the
 * entity into those states, and cleared (`= null`) by one that moves it out; so must a `.created(...)` that starts
 * the entity in them. Rules whose source state cannot be read from their `requires:` carry no obligation here.
 */
export function whenFieldCheck(services: AlliumServices) {
    return (module: ast.Module, accept: ValidationAcceptor): void => {
        const qualified = new Map<ast.EntityDecl, QualifiedField[]>();
        for (const entity of blocks(module, ast.isEntityDecl)) {
            const fields = qualifiedFields(entity, services.typing.SpecTypes);
            if (fields.length > 0) {
                qualified.set(entity, fields);
            }
        }
        if (qualified.size === 0) {
            return;
        }
        const types = services.typing.SpecTypes;
        for (const rule of blocks(module, ast.isRuleDecl)) {
            const clauses = clausesOf(rule.items);
            const ensures = nodesOfClauses(clauses, 'ensures');
            const requires = nodesOfClauses(clauses, 'requires');
            for (const change of ensures.flatMap(statusChange)) {
                // What `requires:` says is read first: without source states the binding need not be resolved.
                const sources = sourceStates(requires, change);
                const denoted = sources && types.denoteName(change.binding, change.node);
                const fields = denoted && denoted.kind === 'instance' && ast.isEntityDecl(denoted.type) ? qualified.get(denoted.type) : undefined;
                if (!fields || !sources) {
                    continue;
                }
                for (const { field, statusField, states } of fields.filter(f => f.statusField === change.statusField && f.values.has(change.to))) {
                    const entering = states.has(change.to) && [...sources].every(s => !states.has(s));
                    const leaving = !states.has(change.to) && [...sources].every(s => states.has(s));
                    const write = ensures.find(n => isWriteOf(n, change.binding, field.name));
                    if (entering && !write) {
                        accept('warning', `Rule '${rule.name}' moves ${change.binding}.${statusField} to '${change.to}', where '${field.name}' is present (when ${statusField} = ${[...states].join(' | ')}). Set ${change.binding}.${field.name} in its ensures.`,
                            { node: change.node, code: IssueCodes.FieldWhenNotSet });
                    } else if (leaving && (!write || !ast.isNullLiteral(write.right))) {
                        accept('warning', `Rule '${rule.name}' moves ${change.binding}.${statusField} to '${change.to}', where '${field.name}' is absent. Clear it: ${change.binding}.${field.name} = null.`,
                            { node: change.node, code: IssueCodes.FieldWhenNotCleared });
                    }
                }
            }
            for (const node of ensures.filter(ast.isCall)) {
                checkCreation(node, qualified, types, accept);
            }
        }
    };
}

/** Every node of the values of the `keyword:` clauses, in document order. */
function nodesOfClauses(clauses: readonly Clause[], keyword: string): AstNode[] {
    const nodes: AstNode[] = [];
    const add = (node: AstNode) => {
        nodes.push(node);
    };
    for (const clause of clauses) {
        if (clause.keyword === keyword) {
            clause.value.forEach(value => forEachNode(value, add));
        }
    }
    return nodes;
}

/**
 * The stored fields of an entity that are present only in some states. A derived value may carry a `when` too, as
 * documentation of where it is defined; nothing sets it, so it carries no obligation.
 */
function qualifiedFields(entity: ast.EntityDecl, types: AlliumServices['typing']['SpecTypes']): QualifiedField[] {
    const fields: QualifiedField[] = [];
    for (const item of entity.items) {
        if (!ast.isAssignment(item) || !ast.isWhenGuard(item.value) || !isTypeExpression(item.value.action)) {
            continue;
        }
        const condition = item.value.condition;
        const statusField = ast.isBinaryExpr(condition) && condition.operator === '=' ? identName(condition.left) : undefined;
        const states = ast.isBinaryExpr(condition) ? pipeRefs(condition.right).map(n => n.ref.$refText) : [];
        const status = statusField ? entity.items.find((i): i is ast.Assignment => ast.isAssignment(i) && i.name === statusField) : undefined;
        const values = status ? types.literalsOf(status) : [];
        if (statusField && states.length > 0) {
            fields.push({ field: item, statusField, states: new Set(states), values: new Set(values) });
        }
    }
    return fields;
}

/** `order.status = shipped` in an ensures. */
function statusChange(node: AstNode): StatusChange[] {
    if (!ast.isBinaryExpr(node) || node.operator !== '=' || !ast.isMemberAccess(node.left)) {
        return [];
    }
    const binding = identName(node.left.receiver);
    const to = identName(node.right);
    return binding && to ? [{ binding, statusField: node.left.member.$refText, to, node }] : [];
}

/** The states `requires:` allows the entity to be in before the rule: `order.status = a` or `order.status in {a, b}`. */
function sourceStates(requires: AstNode[], change: StatusChange): Set<string> | undefined {
    for (const node of requires) {
        if (ast.isBinaryExpr(node) && (node.operator === '=' || node.operator === 'in') && ast.isMemberAccess(node.left)
            && identName(node.left.receiver) === change.binding && node.left.member.$refText === change.statusField) {
            const names = ast.isSetLiteral(node.right) ? node.right.elements.map(identName) : [identName(node.right)];
            return names.every(n => n !== undefined) ? new Set(names as string[]) : undefined;
        }
    }
    return undefined;
}

function isWriteOf(node: AstNode, binding: string, field: string): node is ast.BinaryExpr {
    return ast.isBinaryExpr(node) && node.operator === '=' && ast.isMemberAccess(node.left)
        && identName(node.left.receiver) === binding && node.left.member.$refText === field;
}

/** `Order.created(status: shipped, ...)` must give every field present in its starting state. */
function checkCreation(call: ast.Call, qualified: Map<ast.EntityDecl, QualifiedField[]>, types: AlliumServices['typing']['SpecTypes'], accept: ValidationAcceptor): void {
    if (!ast.isMemberAccess(call.callee) || call.callee.member.$refText !== 'created') {
        return;
    }
    const denoted = types.denote(call.callee.receiver);
    const entity = denoted?.kind === 'type' && ast.isEntityDecl(denoted.type) ? denoted.type : undefined;
    const fields = entity && qualified.get(entity);
    for (const { field, statusField, states } of fields ?? []) {
        const initial = identName(call.args.find(a => a.name === statusField)?.value);
        if (initial && states.has(initial) && !call.args.some(a => a.name === field.name)) {
            accept('warning', `'${entity!.name}' is created in state '${initial}', where '${field.name}' is present. Pass ${field.name}: ... to .created(...).`,
                { node: call, code: IssueCodes.FieldWhenNotSet });
        }
    }
}
