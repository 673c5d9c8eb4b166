import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { bare, calleeName, eachOutcome, isBinary, LOGICAL, plainName, ruleClauses, startsUppercase, topTriggers } from './expression-shapes.js';
import { assignmentOf, conditionsOf, creationOf, entityFor, triggerBindings, type Lifecycles } from './lifecycle-facts.js';
import type { Deadlock, DeadTransition, MissingProducer, ProcessFinding, SearchedEvidence, UnreachableTrigger } from './process-finding.js';

/** What one rule does to the lifecycles, as far as the flow analysis reads it. */
interface RuleFlow {
    name: string;
    /** Whether something provides or emits the trigger it listens for (a qualified trigger counts as provided). */
    reachable: boolean;
    /** `[entity, field, value]` it requires, other than the entity's status. */
    requires: [string, string, string][];
    /** `[entity, from, to]`: status moves from a required value to a value it sets. */
    transitions: [string, string, string][];
    /** `Entity.field` keys it sets. */
    sets: Set<string>;
    /** Entities its trigger binds variables to. */
    entities: string[];
}

/**
 * Data-flow findings: transitions no rule can take, required values nothing produces, states with no way to a
 * terminal state, and triggers nothing fires. Keys `Entity.field` mean "some rule, surface or creation sets the
 * field"; `Entity.status.value` that the status is set to that value.
 */
export function flowFindings(module: ast.Module, facts: Lifecycles, imported: Map<string, Set<string>>): ProcessFinding[] {
    if (facts.statuses.size === 0) {
        return [];
    }
    const rules = module.declarations.filter(ast.isRuleDecl).filter(rule => rule.name);
    const surfaces = module.declarations.filter(ast.isSurfaceDecl);
    const surfaceFields = new Set<string>();
    for (const surface of surfaces) {
        surfaceProvides(surface).forEach(value => providedFields(value, facts.statuses, surfaceFields));
    }
    const offered = offeredTriggers(module);
    // A trigger qualified with an alias whose module is not at hand may well be offered there: it counts as reachable.
    const reachable = (name: string) => {
        const [alias, local] = name.includes('/') ? name.split('/') : [undefined, name];
        return alias !== undefined ? imported.get(alias)?.has(local) ?? true
            : offered.has(name) || [...imported.values()].some(triggers => triggers.has(name));
    };

    const assigned = new Set<string>();
    const flows = rules.map(rule => ruleFlow(rule, facts, assigned, reachable));
    const created = new Set<string>();
    for (const rule of rules) {
        for (const value of ruleClauses(rule.items, 'ensures')) {
            eachOutcome(value, line => createdFields(line, facts.statuses, [assigned, created]));
        }
    }
    const achievable = (flow: RuleFlow) => flow.requires.every(([e, f]) => assigned.has(`${e}.${f}`));
    const searched = (entity: string, field: string): SearchedEvidence[] => {
        const key = `${entity}.${field}`;
        const setter = flows.find(flow => flow.sets.has(key));
        return [
            setter ? { kind: 'rule_ensures', found: setter.name, ...setter.reachable ? {} : { but: 'trigger has no providing surface' } } : { kind: 'rule_ensures', found: false },
            { kind: 'surface_provides', found: surfaceFields.has(key) },
            { kind: 'created_calls', found: created.has(key) }
        ];
    };

    const out: ProcessFinding[] = [];
    for (const [entity, edges] of facts.edges) {
        if (!facts.statuses.has(entity)) {
            continue;
        }
        for (const [from, to] of edges) {
            const witnesses = flows.filter(flow => flow.transitions.some(([e, f, t]) => e === entity && f === from && t === to));
            if (witnesses.length > 0 && !witnesses.some(achievable)) {
                out.push(deadTransition(entity, from, to, witnesses, assigned, searched));
            }
        }
    }
    for (const flow of flows) {
        for (const [entity, field, value] of flow.requires) {
            if (!assigned.has(`${entity}.${field}`)) {
                out.push({
                    type: 'missing_producer',
                    summary: `Nothing establishes ${entity}.${field} = ${value}`,
                    requires: { rule: flow.name, field, value },
                    searched: searched(entity, field),
                    affected_entities: [entity]
                } satisfies MissingProducer);
            }
        }
    }
    for (const [entity, edges] of facts.edges) {
        const terminals = facts.terminals.get(entity);
        const statuses = facts.statuses.get(entity);
        if (terminals && statuses) {
            out.push(...deadlocks(entity, edges, terminals, statuses, flows, assigned, achievable));
        }
    }
    out.push(...unreachableTriggers(rules, flows, surfaces, reachable));
    return out;
}

/** The triggers a module offers: those its surfaces provide and those its rules emit. */
export function offeredTriggers(module: ast.Module): Set<string> {
    const out = new Set<string>();
    for (const surface of module.declarations.filter(ast.isSurfaceDecl)) {
        surfaceProvides(surface).forEach(value => providedTriggers(value, out));
    }
    for (const rule of module.declarations.filter(ast.isRuleDecl)) {
        ruleClauses(rule.items, 'ensures').forEach(value => emittedTrigger(value, out));
    }
    return out;
}

function surfaceProvides(surface: ast.SurfaceDecl): AstNode[] {
    return surface.items.flatMap(item => ast.isAssignment(item) && item.name === 'provides' && item.value ? [item.value] : []);
}

function ruleFlow(rule: ast.RuleDecl, facts: Lifecycles, assigned: Set<string>, reachable: (trigger: string) => boolean): RuleFlow {
    const trigger = topTriggers(rule).flatMap(triggerNames)[0];
    const bindings = triggerBindings(rule, facts.statuses);
    const requiredStatuses = new Map<string, Set<string>>();
    const requires: [string, string, string][] = [];
    for (const condition of ruleClauses(rule.items, 'requires').flatMap(value => conditionsOf(value))) {
        if (condition.field === 'status') {
            (requiredStatuses.get(condition.binding) ?? requiredStatuses.set(condition.binding, new Set()).get(condition.binding)!).add(condition.value);
        } else {
            const entity = entityFor(condition.binding, undefined, bindings, facts.statuses);
            if (entity !== undefined) {
                requires.push([entity, condition.field, condition.value]);
            }
        }
    }
    const sets = new Set<string>();
    const setStatuses: [string, string][] = [];
    for (const value of ruleClauses(rule.items, 'ensures')) {
        eachOutcome(value, line => {
            const assignment = assignmentOf(line);
            if (!assignment) {
                return;
            }
            const record = (entity: string, field: string) => {
                assigned.add(`${entity}.${field}`);
                sets.add(`${entity}.${field}`);
                if (field === 'status' && assignment.value !== undefined) {
                    assigned.add(`${entity}.status.${assignment.value}`);
                }
            };
            const [binding, field, nestedField] = assignment.path;
            const entity = entityFor(binding, undefined, bindings, facts.statuses);
            if (entity !== undefined && nestedField === undefined) {
                record(entity, field);
            } else if (entity !== undefined && nestedField !== undefined) {
                const held = facts.fieldTypes.get(entity)?.get(field);
                if (held !== undefined) {
                    record(held, nestedField);
                }
            }
            if (nestedField === undefined && field === 'status' && assignment.value !== undefined) {
                setStatuses.push([binding, assignment.value]);
            }
        });
    }
    const transitions: [string, string, string][] = [];
    for (const [binding, target] of setStatuses) {
        const entity = entityFor(binding, target, bindings, facts.statuses);
        for (const source of entity !== undefined ? requiredStatuses.get(binding) ?? [] : []) {
            transitions.push([entity!, source, target]);
        }
    }
    return {
        name: rule.name,
        reachable: trigger === undefined || reachable(trigger),
        requires,
        transitions,
        sets,
        entities: [...new Set(bindings.values())]
    };
}

/** The triggers a `when:` listens for: calls of capitalised names, also those joined by `and`/`or`. */
function triggerNames(trigger: ast.Trigger): string[] {
    return trigger.binding ? [] : callNames(trigger.expr);
}

function callNames(node: AstNode | undefined): string[] {
    const n = bare(node);
    if (isBinary(n, ...LOGICAL)) {
        return [...callNames(n.left), ...callNames(n.right)];
    }
    const callee = ast.isCall(n) ? bare(n.callee) : undefined;
    const name = ast.isNameRef(callee) ? callee.ref.$refText : undefined;
    return name !== undefined && startsUppercase(name.slice(name.indexOf('/') + 1)) ? [name] : [];
}

/** Triggers a surface's `provides:` offers: capitalised calls, also under `when` guards, `if` branches and `for`. */
function providedTriggers(node: AstNode | undefined, out: Set<string>): void {
    const n = bare(node);
    if (ast.isExprBlock(n) || ast.isBranchBody(n)) {
        n.items.forEach(item => providedTriggers(item, out));
    } else if (ast.isWhenGuard(n)) {
        providedTriggers(n.action, out);
    } else if (ast.isIfExpr(n)) {
        n.branches.forEach(b => providedTriggers(b.body, out));
        providedTriggers(n.elseBody, out);
    } else if (ast.isForExpr(n)) {
        providedTriggers(n.body, out);
    } else {
        const name = calleeName(n);
        if (name !== undefined && startsUppercase(name)) {
            out.add(name);
        }
    }
}

/** Fields a surface's trigger calls supply: `Submit(Order)` the status of Order, `Submit(note: Order)` Order.note. */
function providedFields(node: AstNode | undefined, statuses: Map<string, unknown>, out: Set<string>): void {
    const n = bare(node);
    if (ast.isExprBlock(n) || ast.isBranchBody(n)) {
        n.items.forEach(item => providedFields(item, statuses, out));
    } else if (ast.isWhenGuard(n)) {
        providedFields(n.action, statuses, out);
    } else if (ast.isIfExpr(n)) {
        n.branches.forEach(b => providedFields(b.body, statuses, out));
        providedFields(n.elseBody, statuses, out);
    } else if (ast.isCall(n) && plainName(n.callee) !== undefined) {
        for (const arg of n.args) {
            const value = plainName(arg.value);
            if (value !== undefined && statuses.has(value)) {
                out.add(arg.name === undefined ? `${value}.status` : `${value}.${arg.name}`);
            }
        }
    }
}

/** The trigger an `ensures:` emits: its leading capitalised call, of each `if` branch and `for` body too. */
function emittedTrigger(node: AstNode | undefined, out: Set<string>): void {
    const n = bare(node);
    if (ast.isExprBlock(n) || ast.isBranchBody(n)) {
        emittedTrigger(n.items[0], out);
    } else if (ast.isIfExpr(n)) {
        n.branches.forEach(b => emittedTrigger(b.body, out));
        emittedTrigger(n.elseBody, out);
    } else if (ast.isForExpr(n)) {
        emittedTrigger(n.body, out);
    } else {
        const name = calleeName(n);
        if (name !== undefined && startsUppercase(name)) {
            out.add(name);
        }
    }
}

/** `Entity.field` (and `Entity.status.value`) keys of `Entity.created(field: ...)` for entities with a lifecycle. */
function createdFields(line: AstNode, statuses: Map<string, unknown>, into: Set<string>[]): void {
    const creation = creationOf(line);
    if (!creation || !statuses.has(creation.entity)) {
        return;
    }
    for (const arg of creation.args.filter(a => a.name !== undefined)) {
        const keys = [`${creation.entity}.${arg.name}`];
        const value = plainName(arg.value);
        if (arg.name === 'status' && value !== undefined) {
            keys.push(`${creation.entity}.status.${value}`);
        }
        into.forEach(set => keys.forEach(key => set.add(key)));
    }
}

function deadTransition(entity: string, from: string, to: string, witnesses: RuleFlow[], assigned: Set<string>,
    searched: (entity: string, field: string) => SearchedEvidence[]): DeadTransition {
    return {
        type: 'dead_transition',
        summary: `Transition '${from}' → '${to}' on entity '${entity}' is declared but unachievable`,
        edge: { entity, from, to },
        witnessing_rules: witnesses.map(w => w.name),
        unsatisfiable_requires: witnesses.flatMap(w => w.requires.filter(([e, f]) => !assigned.has(`${e}.${f}`)))
            .map(([e, f, v]) => ({ entity: e, field: f, value: v, searched: searched(e, f) })),
        affected_entities: [entity]
    };
}

/**
 * States from which no achievable edge leads to a terminal state. An edge into a state is achievable when a rule
 * that moves the entity there can run (everything it requires is set by something), or, when no rule does, when
 * something sets the status to that state. A state nothing reaches is reported only in small lifecycles: in a big
 * one it is the unreachable-state diagnostic's business.
 */
function deadlocks(entity: string, edges: [string, string][], terminals: Set<string>, statuses: Set<string>, flows: RuleFlow[],
    assigned: Set<string>, achievable: (flow: RuleFlow) => boolean): Deadlock[] {
    const into = new Map<string, RuleFlow[]>();
    for (const to of new Set(edges.map(([, t]) => t))) {
        into.set(to, flows.filter(flow => flow.transitions.some(([e, , t]) => e === entity && t === to)));
    }
    const open = edges.filter(([, to]) => {
        const producers = into.get(to)!;
        return producers.length === 0 ? assigned.has(`${entity}.status.${to}`) : producers.some(achievable);
    });
    const onward = adjacency(open, ([from, to]) => [from, to]);
    const escapes = closure(terminals, adjacency(open, ([from, to]) => [to, from]));
    const entered = new Set(open.map(([, to]) => to));
    const out: Deadlock[] = [];
    for (const state of statuses) {
        if (terminals.has(state) || escapes.has(state) || !(entered.has(state) || statuses.size <= 6)) {
            continue;
        }
        out.push({
            type: 'deadlock',
            summary: `Entity '${entity}' can reach state '${state}' but has no achievable path to any terminal state`,
            state,
            outbound_edges: edges.filter(([from]) => from === state).map(([from, to]) => ({ from, to, reason: blockedBecause(into.get(to)!, assigned) })),
            cycle: cycleFrom(state, onward),
            affected_entities: [entity]
        });
    }
    return out;
}

/** State → the states its edges lead to (as `direction` reads an edge), in the graph's edge order. */
function adjacency(edges: [string, string][], direction: (edge: [string, string]) => [string, string]): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const edge of edges) {
        const [from, to] = direction(edge);
        (out.get(from) ?? out.set(from, []).get(from)!).push(to);
    }
    return out;
}

/** `start` and every state reachable from it. */
function closure(start: Iterable<string>, next: Map<string, string[]>): Set<string> {
    const seen = new Set(start);
    const queue = [...seen];
    while (queue.length > 0) {
        for (const to of next.get(queue.pop()!) ?? []) {
            if (!seen.has(to)) {
                seen.add(to);
                queue.push(to);
            }
        }
    }
    return seen;
}

function blockedBecause(witnesses: RuleFlow[], assigned: Set<string>): string {
    if (witnesses.length === 0) {
        return 'no witnessing rule';
    }
    for (const witness of witnesses) {
        const missing = witness.requires.find(([e, f]) => !assigned.has(`${e}.${f}`));
        if (missing) {
            return `rule ${witness.name} requires ${missing[0]}.${missing[1]} = ${missing[2]}, never established`;
        }
    }
    return 'no achievable witnessing rule';
}

/**
 * A cycle of achievable edges through `start`'s descendants, as the states along it ending where it closes: a
 * depth-first walk in the graph's edge order, with its own stack so that a long lifecycle cannot exhaust the call stack.
 */
function cycleFrom(start: string, onward: Map<string, string[]>): string[] | null {
    const onPath: string[] = [start];
    const position = new Map([[start, 0]]);
    const next: number[] = [0];
    const done = new Set<string>();
    while (onPath.length > 0) {
        const state = onPath[onPath.length - 1];
        const targets = onward.get(state) ?? [];
        const i = next[next.length - 1]++;
        if (i >= targets.length) {
            done.add(state);
            position.delete(state);
            onPath.pop();
            next.pop();
            continue;
        }
        const to = targets[i];
        const back = position.get(to);
        if (back !== undefined) {
            return [...onPath.slice(back), to];
        }
        if (!done.has(to)) {
            position.set(to, onPath.length);
            onPath.push(to);
            next.push(0);
        }
    }
    return null;
}

function unreachableTriggers(rules: ast.RuleDecl[], flows: RuleFlow[], surfaces: ast.SurfaceDecl[], reachable: (trigger: string) => boolean): UnreachableTrigger[] {
    const listeners = new Map<string, RuleFlow[]>();
    rules.forEach((rule, i) => {
        for (const name of topTriggers(rule).flatMap(triggerNames).filter(name => !reachable(name))) {
            (listeners.get(name) ?? listeners.set(name, []).get(name)!).push(flows[i]);
        }
    });
    const surfaceNames = surfaces.map(s => s.name).filter(Boolean);
    return [...listeners].map(([trigger, listening]) => ({
        type: 'unreachable_trigger',
        summary: `Trigger '${trigger}' is not provided by any surface`,
        trigger,
        listening_rules: listening.map(flow => flow.name),
        surfaces_checked: surfaceNames,
        affected_entities: [...new Set(listening.flatMap(flow => flow.entities))].sort()
    }));
}
