import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { CLAUSE_KEYWORDS } from '../ast/ast-views.js';
import { bare, fieldValue, isBinary, LOGICAL, memberOf, nestedMemberOf, plainName, startsUppercase } from './expression-shapes.js';

/** What the module's entities declare about their lifecycles. */
export interface Lifecycles {
    /** Entity → the values of its `status: a | b | ...` field (two or more lowercase names). */
    statuses: Map<string, Set<string>>;
    /** Entity → field → the entity type the field holds (`customer: Customer`, `slot: Slot with ...` lookups). */
    fieldTypes: Map<string, Map<string, string>>;
    /** Entity → the edges of its transition graph (the last one it declares). */
    edges: Map<string, [string, string][]>;
    /** Entity → the terminal states of that graph, when it names any. */
    terminals: Map<string, Set<string>>;
}

/**
 * The lifecycle facts of the module's own (not external, not imported) entities. Only a `status` field written
 * as an inline enum of lowercase values is a lifecycle, as in the reference: the analysis follows rules that set
 * and require those values by name.
 */
export function lifecyclesOf(module: ast.Module): Lifecycles {
    const facts: Lifecycles = { statuses: new Map(), fieldTypes: new Map(), edges: new Map(), terminals: new Map() };
    for (const entity of module.declarations.filter(ast.isEntityDecl)) {
        if (entity.external || !entity.name) {
            continue;
        }
        for (const item of entity.items) {
            if (ast.isAssignment(item) && item.name === 'status') {
                const values = pipeValues(fieldValue(item));
                if (values.length >= 2 && !values.some(startsUppercase)) {
                    facts.statuses.set(entity.name, new Set(values));
                }
            } else if (ast.isAssignment(item) && !CLAUSE_KEYWORDS.has(item.name)) {
                const type = heldEntityType(fieldValue(item));
                if (type) {
                    mapOf(facts.fieldTypes, entity.name).set(item.name, type);
                }
            } else if (ast.isTransitionsBlock(item)) {
                facts.edges.set(entity.name, item.edges.flatMap(e => e.from?.name && e.to?.name ? [[e.from.name, e.to.name] as [string, string]] : []));
                const terminals = item.terminals.map(t => t.name).filter(Boolean);
                if (terminals.length > 0) {
                    facts.terminals.set(entity.name, new Set(terminals));
                }
            }
        }
    }
    return facts;
}

function mapOf<K, V>(map: Map<string, Map<K, V>>, key: string): Map<K, V> {
    let inner = map.get(key);
    if (!inner) {
        map.set(key, inner = new Map());
    }
    return inner;
}

/** The plain names of `a | b | c`; other alternatives (a backtick literal, a qualified name) are left out. */
function pipeValues(node: AstNode | undefined): string[] {
    const n = bare(node);
    if (isBinary(n, '|')) {
        return [...pipeValues(n.left), ...pipeValues(n.right)];
    }
    const name = plainName(n);
    return name === undefined ? [] : [name];
}

/** `Customer` of `customer: Customer` or of `slot: Slot{candidacy}`. */
function heldEntityType(node: AstNode | undefined): string | undefined {
    const n = bare(node);
    const name = ast.isJoinLookup(n) ? plainName(n.entity) : plainName(n);
    return name !== undefined && startsUppercase(name) ? name : undefined;
}

/**
 * The entity a rule's variable stands for: the type its trigger binds it to, an entity of the same name in another
 * case (`order` an Order), or the one entity whose status has the value being set or required.
 */
export function entityFor(binding: string, target: string | undefined, bindings: Map<string, string>, statuses: Map<string, Set<string>>): string | undefined {
    const bound = bindings.get(binding);
    if (bound !== undefined) {
        return bound;
    }
    const lower = binding.toLowerCase();
    const named = [...statuses.keys()].find(entity => entity.toLowerCase() === lower);
    if (named !== undefined || target === undefined) {
        return named;
    }
    const having = [...statuses].filter(([, values]) => values.has(target));
    return having.length === 1 ? having[0][0] : undefined;
}

/**
 * Variables a rule's `when:` binds to an entity with a lifecycle: `o: Order.status becomes shipped`,
 * `o: Order.created`, and the arguments of a trigger named after an entity.
 */
export function triggerBindings(rule: ast.RuleDecl, statuses: Map<string, unknown>): Map<string, string> {
    const out = new Map<string, string>();
    for (const item of rule.items.filter(ast.isTriggerClause)) {
        const trigger = item.trigger;
        if (trigger?.binding) {
            const entity = triggerEntity(trigger.expr);
            if (entity !== undefined && statuses.has(entity)) {
                out.set(trigger.binding.name, entity);
            }
        } else if (trigger) {
            callBindings(trigger.expr, statuses, out);
        }
    }
    return out;
}

function callBindings(node: AstNode | undefined, statuses: Map<string, unknown>, out: Map<string, string>): void {
    const n = bare(node);
    if (ast.isCall(n)) {
        const callee = plainName(n.callee);
        for (const arg of n.args) {
            const name = arg.name === undefined ? plainName(arg.value) : undefined;
            if (callee !== undefined && name !== undefined && statuses.has(callee)) {
                out.set(name, callee);
            }
        }
    } else if (isBinary(n, ...LOGICAL)) {
        callBindings(n.left, statuses, out);
        callBindings(n.right, statuses, out);
    }
}

/** `Order` of `Order.status becomes x`, `Order.status transitions_to x` or `Order.created`. */
function triggerEntity(node: AstNode | undefined): string | undefined {
    const n = bare(node);
    if (isBinary(n, 'becomes', 'transitions_to')) {
        const subject = bare(n.left);
        return ast.isMemberAccess(subject) ? plainName(subject.receiver) : undefined;
    }
    return ast.isMemberAccess(n) ? plainName(n.receiver) : undefined;
}

/** A precondition `binding.field = value` (also `binding.x.status = value` and `binding.flag = true`). */
export interface Condition {
    binding: string;
    field: string;
    value: string;
}

/** The conditions a `requires:` value states: equalities, also those joined by `and`, `or` and `implies`. */
export function conditionsOf(node: AstNode | undefined, out: Condition[] = []): Condition[] {
    const n = bare(node);
    if (ast.isExprBlock(n)) {
        n.items.forEach(item => conditionsOf(item, out));
    } else if (isBinary(n, ...LOGICAL)) {
        conditionsOf(n.left, out);
        conditionsOf(n.right, out);
    } else if (isBinary(n, '=')) {
        const value = plainName(n.right);
        const member = memberOf(n.left);
        const nested = nestedMemberOf(n.left);
        if (value !== undefined && member) {
            out.push({ binding: member[0], field: member[1], value });
        } else if (value !== undefined && nested && nested[2] === 'status') {
            out.push({ binding: nested[0], field: 'status', value });
        }
        const right = bare(n.right);
        if (ast.isBooleanLiteral(right) && right.value === 'true' && member) {
            out.push({ binding: member[0], field: member[1], value: 'true' });
        }
    }
    return out;
}

/** An outcome `binding.field = value` or `root.middle.field = value`; `value` undefined when it is no plain name. */
export interface Outcome {
    path: [string, string] | [string, string, string];
    value: string | undefined;
}

/** The assignment an outcome line makes, if it is one. */
export function assignmentOf(line: AstNode): Outcome | undefined {
    if (!isBinary(line, '=')) {
        return undefined;
    }
    const path = memberOf(line.left) ?? nestedMemberOf(line.left);
    return path ? { path, value: plainName(line.right) } : undefined;
}

/** `Order` and the named arguments of `Order.created(status: pending, ...)`. */
export function creationOf(line: AstNode): { entity: string; args: ast.CallArg[] } | undefined {
    if (!ast.isCall(line)) {
        return undefined;
    }
    const callee = bare(line.callee);
    if (!ast.isMemberAccess(callee) || callee.member.$refText !== 'created') {
        return undefined;
    }
    const entity = plainName(callee.receiver);
    return entity === undefined ? undefined : { entity, args: line.args };
}
