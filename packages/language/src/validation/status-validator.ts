import { IssueCodes } from '../diagnostics/catalogue.js';
import { MultiMap, type AstNode, type ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { blocks, calleeName, clausesOf, identName, memberOfIdent, nestedMember, startsUppercase, valueItems } from '../ast/ast-views.js';
import { pipeRefs } from '../ast/names.js';

interface StatusEnum {
    literals: ast.NameRef[];
    values: Set<string>;
}

// Without a declared `terminal:` list these names are taken as final states, as the reference checker does.
const LIKELY_TERMINAL = new Set(['completed', 'cancelled', 'canceled', 'expired', 'closed', 'deleted', 'archived', 'failed', 'rejected', 'done']);

/**
 * The lifecycle of each entity's `status: a | b | c` field, as witnessed by rules: values no rule ever assigns,
 * non-terminal values no rule moves away from, and rule transitions missing from a declared `transitions` graph.
 */
export function checkStatusLifecycles(module: ast.Module, accept: ValidationAcceptor): void {
    const statusByEntity = new Map<string, StatusEnum>();
    const terminals = new Map<string, Set<string>>();
    const declaredEdges = new Map<string, Set<string>>();
    const fieldEntityTypes = new Map<string, Map<string, string>>();
    for (const entity of blocks(module, ast.isEntityDecl).filter(e => !e.external)) {
        for (const item of entity.items) {
            if (ast.isAssignment(item) && item.name === 'status' && !ast.isExprBlock(item.value)) {
                const literals = pipeRefs(item.value);
                if (literals.length >= 2 && !literals.some(l => startsUppercase(l.ref.$refText))) {
                    statusByEntity.set(entity.name, { literals, values: new Set(literals.map(l => l.ref.$refText)) });
                }
            } else if (ast.isAssignment(item)) {
                const type = fieldEntityType(item.value);
                if (type) {
                    mapOf(fieldEntityTypes, entity.name).set(item.name, type);
                }
            } else if (ast.isTransitionsBlock(item)) {
                if (item.terminals.length > 0) {
                    terminals.set(entity.name, new Set(item.terminals.map(t => t.name)));
                }
                declaredEdges.set(entity.name, new Set(item.edges.map(e => edgeKey(e.from?.name, e.to?.name))));
            }
        }
    }
    if (statusByEntity.size === 0) {
        return;
    }
    for (const fields of fieldEntityTypes.values()) {
        for (const [field, type] of fields) {
            if (!statusByEntity.has(type)) {
                fields.delete(field);
            }
        }
    }

    const commandParamTypes = surfaceCommandParamTypes(module, statusByEntity);
    const entities = entityIndex(statusByEntity);
    const assigned = new Map<string, Set<string>>();
    const transitions = new Map<string, Map<string, Set<string>>>();
    for (const rule of blocks(module, ast.isRuleDecl)) {
        const clauses = clausesOf(rule.items);
        const bindingTypes = ruleBindingTypes(clauses, statusByEntity, commandParamTypes);
        const resolve = (binding: string, target?: string) => resolveBindingEntity(binding, target, bindingTypes, entities);
        const requiredStates = new Map<string, Set<string>>();
        for (const clause of clauses.filter(c => c.keyword === 'requires')) {
            for (const value of clause.value) {
                visitStatusComparisons(value, resolve, statusByEntity, (binding, status) => setOf(requiredStates, binding).add(status));
            }
        }
        for (const clause of clauses.filter(c => c.keyword === 'when')) {
            const source = transitionTriggerSource(clause.value[0]);
            if (source && statusByEntity.get(source.entity)?.values.has(source.state)) {
                setOf(requiredStates, source.binding).add(source.state);
            }
        }
        for (const clause of clauses.filter(c => c.keyword === 'ensures')) {
            for (const value of clause.value) {
                visitStatusAssignments(value, resolve, fieldEntityTypes, (binding, target, entity) => {
                    setOf(assigned, entity).add(target);
                    for (const source of requiredStates.get(binding) ?? []) {
                        setOf(mapOf(transitions, entity), source).add(target);
                    }
                });
                visitCreatedCalls(value, statusByEntity, (entity, status) => setOf(assigned, entity).add(status), (call, entity, status) => {
                    if (status) {
                        accept('error', `'${status.ref.$refText}' is not a status of '${entity}', so it cannot start in it. Use one of: ${[...statusByEntity.get(entity)!.values].join(', ')}.`,
                            { node: status, code: IssueCodes.CreatedInvalidStatus });
                    } else if (declaredEdges.has(entity)) {
                        accept('warning', `'${entity}' has a transition graph, so creating it needs a starting state. Add status: <state> to .created(...).`,
                            { node: call, code: IssueCodes.CreatedMissingStatus });
                    }
                });
            }
        }
    }

    for (const [entity, { literals, values }] of statusByEntity) {
        const assignedValues = assigned.get(entity) ?? new Set<string>();
        if ([...assignedValues].some(v => !values.has(v))) {
            continue;
        }
        const exits = transitions.get(entity) ?? new Map<string, Set<string>>();
        for (const literal of literals) {
            const value = literal.ref.$refText;
            if (!assignedValues.has(value)) {
                accept('warning', `No rule ever sets '${entity}' to '${value}'. Add a rule whose ensures sets it, or remove the value.`,
                    { node: literal, code: IssueCodes.StatusUnreachableValue });
            }
            const terminal = terminals.get(entity)?.has(value) ?? LIKELY_TERMINAL.has(value);
            if (!terminal && (exits.get(value)?.size ?? 0) === 0) {
                accept('warning', `Once '${entity}' is '${value}', no rule moves it on. Add a rule that does (with requires: x.status = ${value}), or declare '${value}' terminal.`,
                    { node: literal, code: IssueCodes.StatusNoExit });
            }
        }
    }

    for (const [entity, byFrom] of transitions) {
        const edges = declaredEdges.get(entity);
        const status = statusByEntity.get(entity);
        if (!edges || !status) {
            continue;
        }
        for (const [from, targets] of byFrom) {
            for (const to of targets) {
                if (from !== to && !edges.has(edgeKey(from, to))) {
                    const node = status.literals.find(l => l.ref.$refText === from) ?? status.literals[0];
                    accept('warning', `A rule moves '${entity}' from '${from}' to '${to}', which its transition graph does not allow. Add '${from} -> ${to}' to 'transitions status', or change the rule.`,
                        { node, code: IssueCodes.StatusUndeclaredTransition, data: { entity, from, to } });
                }
            }
        }
    }
}

function edgeKey(from: string | undefined, to: string | undefined): string {
    return `${from}\u0000${to}`;
}

function mapOf<K, V>(map: Map<string, Map<K, V>>, key: string): Map<K, V> {
    let inner = map.get(key);
    if (!inner) {
        map.set(key, inner = new Map());
    }
    return inner;
}

function setOf(map: Map<string, Set<string>>, key: string): Set<string> {
    let inner = map.get(key);
    if (!inner) {
        map.set(key, inner = new Set());
    }
    return inner;
}

/** `customer: Customer` or `slot: InterviewSlot{...}` names an entity type. */
function fieldEntityType(value: ast.ClauseValue | undefined): string | undefined {
    const name = identName(ast.isJoinLookup(value) ? value.entity : value);
    return name && startsUppercase(name) ? name : undefined;
}

/** Command name -> entity types of its positional parameters, from surfaces' `provides: Cmd(actor, x: Entity)`. */
function surfaceCommandParamTypes(module: ast.Module, statusByEntity: Map<string, StatusEnum>): Map<string, Array<string | undefined>> {
    const out = new Map<string, Array<string | undefined>>();
    const visit = (node: AstNode | undefined): void => {
        if (ast.isWhenGuard(node)) {
            visit(node.action);
        } else if (calleeName(node) && ast.isCall(node)) {
            out.set(calleeName(node)!.ref.$refText, node.args.map(arg => {
                const type = arg.name ? identName(arg.value) : undefined;
                return type && statusByEntity.has(type) ? type : undefined;
            }));
        }
    };
    for (const surface of blocks(module, ast.isSurfaceDecl)) {
        for (const clause of clausesOf(surface.items).filter(c => c.keyword === 'provides')) {
            clause.value.forEach(visit);
        }
    }
    return out;
}

/** Entity types of a rule's trigger bindings: `x: Order.created`, `Order(x)`-style and surface-typed commands. */
function ruleBindingTypes(clauses: ReturnType<typeof clausesOf>, statusByEntity: Map<string, StatusEnum>, commandParamTypes: Map<string, Array<string | undefined>>): Map<string, string> {
    const types = new Map<string, string>();
    const visit = (node: AstNode | undefined): void => {
        if (ast.isTrigger(node)) {
            if (node.binding) {
                const entity = triggerEntity(node.expr);
                if (entity && statusByEntity.has(entity)) {
                    types.set(node.binding.name, entity);
                }
            } else {
                visit(node.expr);
            }
        } else if (ast.isBinaryExpr(node) && (node.operator === 'and' || node.operator === 'or')) {
            visit(node.left);
            visit(node.right);
        } else if (ast.isCall(node)) {
            const callee = calleeName(node)?.ref.$refText;
            if (callee && statusByEntity.has(callee)) {
                for (const arg of node.args.filter(a => !a.name)) {
                    const binding = identName(arg.value);
                    if (binding) {
                        types.set(binding, callee);
                    }
                }
            }
            const params = callee ? commandParamTypes.get(callee) : undefined;
            node.args.forEach((arg, i) => {
                const binding = arg.name ? undefined : identName(arg.value);
                if (binding && params?.[i] && !types.has(binding)) {
                    types.set(binding, params[i]!);
                }
            });
        }
    };
    for (const clause of clauses.filter(c => c.keyword === 'when')) {
        clause.value.forEach(visit);
    }
    return types;
}

/** The entity of `Order.created`, `Order.status transitions_to x`, `Order.expires_at <= now`. */
function triggerEntity(expr: AstNode | undefined): string | undefined {
    if (ast.isBinaryExpr(expr) && (expr.operator === 'transitions_to' || expr.operator === 'becomes')) {
        return ast.isMemberAccess(expr.left) ? identName(expr.left.receiver) : undefined;
    }
    return ast.isMemberAccess(expr) ? identName(expr.receiver) : undefined;
}

/** `when: x: Order.status becomes shipped` starts the rule with x in `shipped`. */
function transitionTriggerSource(node: AstNode | undefined): { binding: string; entity: string; state: string } | undefined {
    if (!ast.isTrigger(node) || !node.binding || !ast.isBinaryExpr(node.expr) || (node.expr.operator !== 'transitions_to' && node.expr.operator !== 'becomes')) {
        return undefined;
    }
    const subject = memberOfIdent(node.expr.left);
    const state = identName(node.expr.right);
    return subject?.field === 'status' && state ? { binding: node.binding.name, entity: subject.object, state } : undefined;
}

type Resolve = (binding: string, target?: string) => string | undefined;

/**
 * The entities with a status, by their name in lower case (the first so named) and by each status value (those that
 * have it): every binding of every rule is resolved through them, so they are read once, not once per binding.
 */
interface EntityIndex {
    byLowerName: Map<string, string>;
    byValue: MultiMap<string, string>;
}

function entityIndex(statusByEntity: Map<string, StatusEnum>): EntityIndex {
    const index: EntityIndex = { byLowerName: new Map(), byValue: new MultiMap() };
    for (const [name, { values }] of statusByEntity) {
        const lower = name.toLowerCase();
        if (!index.byLowerName.has(lower)) {
            index.byLowerName.set(lower, name);
        }
        for (const value of values) {
            index.byValue.add(value, name);
        }
    }
    return index;
}

function resolveBindingEntity(binding: string, target: string | undefined, bindingTypes: Map<string, string>, entities: EntityIndex): string | undefined {
    const typed = bindingTypes.get(binding);
    if (typed) {
        return typed;
    }
    const named = entities.byLowerName.get(binding.toLowerCase());
    if (named !== undefined) {
        return named;
    }
    if (target === undefined) {
        return undefined;
    }
    const owners = entities.byValue.get(target);
    return owners.length === 1 ? owners[0] : undefined;
}

function visitStatusComparisons(node: AstNode | undefined, resolve: Resolve, statusByEntity: Map<string, StatusEnum>, found: (binding: string, status: string) => void): void {
    if (ast.isBinaryExpr(node) && (node.operator === '=' || node.operator === '!=')) {
        const subject = memberOfIdent(node.left);
        const target = identName(node.right);
        if (subject?.field !== 'status' || target === undefined) {
            return;
        }
        const entity = resolve(subject.object, target);
        if (entity && node.operator === '=') {
            found(subject.object, target);
        } else if (entity) {
            const values = statusByEntity.get(entity)?.values;
            if (values?.has(target)) {
                values.forEach(v => v !== target && found(subject.object, v));
            }
        }
    } else if (ast.isBinaryExpr(node) && (node.operator === 'and' || node.operator === 'or' || node.operator === 'implies')) {
        visitStatusComparisons(node.left, resolve, statusByEntity, found);
        visitStatusComparisons(node.right, resolve, statusByEntity, found);
    } else if (ast.isExprBlock(node)) {
        node.items.forEach(item => visitStatusComparisons(item, resolve, statusByEntity, found));
    }
}

function visitStatusAssignments(node: AstNode | undefined, resolve: Resolve, fieldEntityTypes: Map<string, Map<string, string>>, found: (binding: string, target: string, entity: string) => void): void {
    if (ast.isBinaryExpr(node) && node.operator === '=') {
        const target = identName(node.right);
        if (target === undefined) {
            return;
        }
        const direct = memberOfIdent(node.left);
        const nested = nestedMember(node.left);
        if (direct?.field === 'status') {
            const entity = resolve(direct.object, target);
            if (entity) {
                found(direct.object, target, entity);
            }
        } else if (nested?.last === 'status') {
            const root = resolve(nested.root);
            const entity = root ? fieldEntityTypes.get(root)?.get(nested.mid) : undefined;
            if (entity) {
                // Reachability only: a nested binding is not a transition source.
                found('\u0000nested', target, entity);
            }
        }
    } else if (ast.isIfExpr(node)) {
        for (const branch of node.branches) {
            valueItems(branch.body).forEach(item => visitStatusAssignments(item, resolve, fieldEntityTypes, found));
        }
        valueItems(node.elseBody).forEach(item => visitStatusAssignments(item, resolve, fieldEntityTypes, found));
    }
}

type CreatedIssue = (call: ast.Call, entity: string, invalidStatus?: ast.NameRef) => void;

function visitCreatedCalls(node: AstNode | undefined, statusByEntity: Map<string, StatusEnum>, found: (entity: string, status: string) => void, issue: CreatedIssue): void {
    if (ast.isCall(node) && ast.isMemberAccess(node.callee) && node.callee.member.$refText === 'created') {
        const entity = identName(node.callee.receiver);
        const values = entity ? statusByEntity.get(entity)?.values : undefined;
        if (!entity || !values) {
            return;
        }
        const status = node.args.find(a => a.name === 'status');
        const value = identName(status?.value);
        if (value && values.has(value)) {
            found(entity, value);
        } else if (value) {
            issue(node, entity, status!.value as ast.NameRef);
        } else if (!status) {
            issue(node, entity);
        }
    } else if (ast.isIfExpr(node)) {
        for (const branch of node.branches) {
            valueItems(branch.body).forEach(item => visitCreatedCalls(item, statusByEntity, found, issue));
        }
        valueItems(node.elseBody).forEach(item => visitCreatedCalls(item, statusByEntity, found, issue));
    }
}

