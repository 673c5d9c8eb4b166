import { MultiMap, type AstNode } from 'langium';
import * as ast from '@allium/language';
import type { DiagramEdge, DiagramGroup, DiagramModule, DiagramNode, EdgeLabel } from './diagram-model.js';
import { targetOf } from './targets.js';

/** A rule's change of a lifecycle field: to which state, from which (undefined: from any state the rule does not rule out). */
interface Change {
    rule: ast.RuleDecl;
    node: AstNode;
    to: string;
    from: Set<string> | undefined;
}

/**
 * Each entity's `transitions` graph as a state machine: its states (terminal ones marked), the declared edges
 * labelled with the rules that take them, where rules create the entity (the initial state), and the changes
 * rules make that the graph does not declare. Rules are read across the whole set; entities of the selected files.
 */
export function stateMachines(services: ast.AlliumServices, modules: readonly DiagramModule[]): DiagramGroup[] {
    const types = services.typing.SpecTypes;
    const index = new RuleIndex(types, modules.flatMap(m => m.module.declarations.filter(ast.isRuleDecl)));
    const groups: DiagramGroup[] = [];
    const clash = clashingNames(modules);
    for (const spec of modules.filter(m => m.inSet)) {
        for (const entity of spec.module.declarations.filter(ast.isEntityDecl)) {
            for (const block of entity.items.filter(ast.isTransitionsBlock)) {
                const prefix = clash.has(entity.name) ? `${spec.name}::` : '';
                groups.push(machine(types, entity, block, index, `${prefix}${entity.name}.${block.field}`));
            }
        }
    }
    return groups;
}

/** A field set in a rule's `ensures:` (`x.f = v`) or in a creation (`E.created(f: v)`), read once per rule. */
interface Setting {
    rule: ast.RuleDecl;
    node: AstNode;
    field: string;
    value: string;
    /** `x` of `x.f = v`: whose requires say where it starts; none for a creation. */
    receiver?: string;
}

/**
 * The fields every rule of the set sets, by the entity they belong to: worked out once for all state machines, so
 * a spec of many entities and rules costs one pass over its rules rather than one per entity.
 */
class RuleIndex {
    readonly changes = new MultiMap<ast.EntityDecl, Setting>();
    readonly creations = new MultiMap<ast.EntityDecl, Setting>();

    constructor(types: ast.SpecTypes, rules: ast.RuleDecl[]) {
        for (const rule of rules) {
            for (const node of ast.nodesOf(rule)) {
                if (ast.isBinaryExpr(node) && node.operator === '=' && ast.isMemberAccess(node.left) && ast.isNameRef(node.right) && clauseOf(node, rule) === 'ensures') {
                    const denoted = types.denote(node.left.receiver);
                    if (denoted?.kind === 'instance' && ast.isEntityDecl(denoted.type)) {
                        this.changes.add(denoted.type, { rule, node, field: node.left.member.$refText, value: node.right.ref.$refText, receiver: textOf(node.left.receiver) });
                    }
                } else if (ast.isCall(node) && ast.isMemberAccess(node.callee) && node.callee.member.$refText === 'created') {
                    const denoted = types.denote(node.callee.receiver);
                    if (denoted?.kind === 'type' && ast.isEntityDecl(denoted.type)) {
                        for (const arg of node.args.filter(a => a.name !== undefined && ast.isNameRef(a.value))) {
                            this.creations.add(denoted.type, { rule, node: arg, field: arg.name!, value: (arg.value as ast.NameRef).ref.$refText });
                        }
                    }
                }
            }
        }
    }
}

function machine(types: ast.SpecTypes, entity: ast.EntityDecl, block: ast.TransitionsBlock, index: RuleIndex, id: string): DiagramGroup {
    const field = types.field(entity, block.field);
    const literals = field ? literalNodes(field) : [];
    const edgeStates = block.edges.flatMap(e => [e.from, e.to]).filter((s): s is ast.StateName => s?.name !== undefined);
    const states = [...new Set([...literals.map(l => l.ref.$refText), ...edgeStates.map(s => s.name), ...block.terminals.map(t => t.name)])];
    const terminals = new Set(block.terminals.map(t => t.name));
    const stateId = (state: string) => `${id}.${state}`;
    const nodes: DiagramNode[] = states.map(state => ({
        id: stateId(state), label: state, kind: 'state', terminal: terminals.has(state),
        target: targetOf(literals.find(l => l.ref.$refText === state) ?? edgeStates.find(s => s.name === state) ?? block.terminals.find(t => t.name === state))
    }));
    const edges = new Map<string, DiagramEdge>();
    for (const edge of block.edges.filter(e => e.from?.name && e.to?.name)) {
        const key = `${edge.from.name}->${edge.to.name}`;
        edges.set(key, { id: `${id}:${key}`, from: stateId(edge.from.name), to: stateId(edge.to.name), kind: 'transition', labels: [], target: targetOf(edge) });
    }
    const label = (change: Change): EdgeLabel => ({ text: change.rule.name, target: targetOf(change.node) });
    const addLabel = (edge: DiagramEdge, change: Change) => {
        if (!edge.labels.some(l => l.text === change.rule.name)) {
            edge.labels.push(label(change));
        }
    };
    const known = new Set(states);
    const changes = index.changes.get(entity).filter(c => c.field === block.field && known.has(c.value)).map((c): Change => ({
        rule: c.rule, node: c.node, to: c.value, from: requiredStates(types, c.rule, c.receiver!, entity, block.field, known)
    }));
    for (const change of changes) {
        if (change.from === undefined) {
            // Nothing in the rule says where it starts: every declared way into the state it sets.
            const into = [...edges.values()].filter(e => e.to === stateId(change.to) && e.kind === 'transition');
            into.forEach(e => addLabel(e, change));
            continue;
        }
        for (const from of change.from) {
            if (from === change.to) {
                continue;
            }
            const key = `${from}->${change.to}`;
            let edge = edges.get(key);
            if (!edge) {
                edge = { id: `${id}:${key}`, from: stateId(from), to: stateId(change.to), kind: 'undeclared', labels: [], target: targetOf(change.node) };
                edges.set(key, edge);
            }
            addLabel(edge, change);
        }
    }
    for (const creation of index.creations.get(entity).filter(c => c.field === block.field && known.has(c.value))) {
        const key = `*->${creation.value}`;
        let edge = edges.get(key);
        if (!edge) {
            if (!nodes.some(n => n.kind === 'initial')) {
                nodes.unshift({ id: `${id}.[initial]`, label: '', kind: 'initial' });
            }
            edge = { id: `${id}:${key}`, from: `${id}.[initial]`, to: stateId(creation.value), kind: 'creation', labels: [] };
            edges.set(key, edge);
        }
        addLabel(edge, { rule: creation.rule, node: creation.node, to: creation.value, from: undefined });
    }
    return { id, title: `${entity.name}.${block.field}`, target: targetOf(block, 'field'), nodes, edges: [...edges.values()] };
}

/** The `a | b | c` names of a field's value as written (the states' declarations), or the literals of its enum. */
function literalNodes(field: ast.Field): ast.NameRef[] {
    const value = ast.isWhenGuard(field.value) ? field.value.action : field.value;
    const names: ast.NameRef[] = [];
    const walk = (node: AstNode | undefined) => {
        if (ast.isBinaryExpr(node) && node.operator === '|') {
            walk(node.left);
            walk(node.right);
        } else if (ast.isNameRef(node)) {
            names.push(node);
        }
    };
    walk(value);
    return names.length > 1 ? names : [];
}

/**
 * The states a rule's `requires:` (and a state-change `when:`) allow `receiver.field` to be in: `= a`, `in {a, b}`,
 * `!= a`, `not in {...}`, `and`/`or` of those, and derived fields of the entity defined by them (`is_live: status = active`).
 */
function requiredStates(types: ast.SpecTypes, rule: ast.RuleDecl, receiver: string, entity: ast.EntityDecl, field: string, states: Set<string>): Set<string> | undefined {
    let allowed: Set<string> | undefined;
    const narrow = (found: Set<string> | undefined) => {
        if (found) {
            allowed = allowed ? new Set([...allowed].filter(s => found.has(s))) : found;
        }
    };
    const read = new StateCondition(types, entity, field, states);
    for (const item of rule.items) {
        if (ast.isAssignment(item) && item.name === 'requires') {
            const values = ast.isExprBlock(item.value) ? item.value.items : [item.value];
            values.forEach(v => narrow(read.states(v, receiver)));
        } else if (ast.isTriggerClause(item) && item.trigger?.binding?.name === receiver) {
            narrow(read.changeTrigger(item.trigger.expr));
        }
    }
    return allowed;
}

class StateCondition {
    constructor(private readonly types: ast.SpecTypes, private readonly entity: ast.EntityDecl, private readonly field: string, private readonly all: Set<string>) {}

    /** The states `expression` allows `receiver.field` to be in; undefined when it does not constrain it. */
    states(expression: AstNode | undefined, receiver: string | undefined, depth = 0): Set<string> | undefined {
        if (!expression || depth > 8) {
            return undefined;
        }
        if (ast.isParenthesized(expression)) {
            return this.states(expression.inner, receiver, depth + 1);
        }
        if (ast.isBinaryExpr(expression)) {
            if (expression.operator === 'and' || expression.operator === 'or') {
                const left = this.states(expression.left, receiver, depth + 1);
                const right = this.states(expression.right, receiver, depth + 1);
                if (expression.operator === 'and') {
                    return left && right ? new Set([...left].filter(s => right.has(s))) : left ?? right;
                }
                return left && right ? new Set([...left, ...right]) : undefined;
            }
            if (!this.isField(expression.left, receiver)) {
                return undefined;
            }
            const named = this.namesIn(expression.right);
            switch (expression.operator) {
                case '=': case 'in': return named;
                case '!=': case 'not in': return named && new Set([...this.all].filter(s => !named.has(s)));
                default: return undefined;
            }
        }
        if (ast.isUnaryExpr(expression) && expression.op === 'not') {
            const inner = this.states(expression.operand, receiver, depth + 1);
            return inner && new Set([...this.all].filter(s => !inner.has(s)));
        }
        // `item.is_live`, a derived field of the entity whose value is a condition on the lifecycle field.
        const derived = ast.isMemberAccess(expression) && textOf(expression.receiver) === receiver ? this.types.field(this.entity, expression.member.$refText) : undefined;
        if (derived && derived.name !== this.field && !ast.isExprBlock(derived.value)) {
            return this.states(derived.value, undefined, depth + 1);
        }
        return undefined;
    }

    /** `when: x: Entity.status becomes shipped` (or `transitions_to`): the rule starts with x in that state. */
    changeTrigger(expression: AstNode | undefined): Set<string> | undefined {
        if (ast.isBinaryExpr(expression) && (expression.operator === 'becomes' || expression.operator === 'transitions_to')
            && ast.isMemberAccess(expression.left) && expression.left.member.$refText === this.field) {
            return this.namesIn(expression.right);
        }
        return undefined;
    }

    /** `receiver.field`, or the bare field inside the entity's own derived fields. */
    private isField(node: AstNode, receiver: string | undefined): boolean {
        if (receiver === undefined) {
            return ast.isNameRef(node) && node.ref.$refText === this.field;
        }
        return ast.isMemberAccess(node) && node.member.$refText === this.field && textOf(node.receiver) === receiver;
    }

    private namesIn(node: AstNode): Set<string> | undefined {
        const names = ast.isSetLiteral(node) || ast.isListLiteral(node) ? node.elements : ast.pipeNames(node).length > 0 ? [node] : [];
        const found = names.flatMap(n => ast.isNameRef(n) ? [n.ref.$refText] : ast.pipeNames(n));
        return found.length > 0 && found.every(s => this.all.has(s)) ? new Set(found) : undefined;
    }
}

/** The name of the rule clause a node is in (`ensures`, `requires`), nested blocks included. */
function clauseOf(node: AstNode, rule: ast.RuleDecl): string | undefined {
    for (let up: AstNode | undefined = node.$container; up && up !== rule; up = up.$container) {
        if (ast.isAssignment(up)) {
            return up.name;
        }
    }
    return undefined;
}

function textOf(node: AstNode): string {
    return node.$cstNode?.text ?? '';
}

/** Entity names declared by several selected modules, whose ids take the module's name. */
function clashingNames(modules: readonly DiagramModule[]): Set<string> {
    const seen = new Map<string, number>();
    for (const spec of modules.filter(m => m.inSet)) {
        for (const entity of spec.module.declarations.filter(ast.isEntityDecl)) {
            seen.set(entity.name, (seen.get(entity.name) ?? 0) + 1);
        }
    }
    return new Set([...seen].filter(([, n]) => n > 1).map(([name]) => name));
}
