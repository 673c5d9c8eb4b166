import { AstUtils, GrammarUtils, MultiMap, type AstNode, type CstNode } from 'langium';
import * as ast from '../generated/ast.js';
import type { AlliumServices } from '../allium-module.js';
import { nodesOf } from '../ast-nodes.js';
import { importedDocument } from '../scoping/imports.js';
import { isTypeDecl } from '../typing/spec-nodes.js';

/**
 * How a declaration meets a trigger: a rule `listens` to it in `when:`, a surface `provides` it, a rule `emits`
 * it in `ensures:`.
 */
export type TriggerRole = 'listens' | 'provides' | 'emits';

/** What a trigger is: a name called from outside (`ShipOrder`), an entity's creation, a field reaching a value. */
export type TriggerKind = 'external' | 'creation' | 'transition';

export interface TriggerGraphUse {
    /** What identifies the trigger: its name in a spec set, or the entity event's declaration. */
    key: string;
    /** The trigger as a reader names it: `AuthorisePayment`, `Patient.created`, `Appointment.status -> cancelled`. */
    name: string;
    kind: TriggerKind;
    /**
     * Of an external trigger, the module whose namespace this use spells it in: the module `payments/` imports for
     * `payments/AuthorisePayment`, else the module it is written in. Where a diagram draws the trigger.
     */
    home?: string;
    role: TriggerRole;
    declaration: ast.RuleDecl | ast.SurfaceDecl;
    /** The expression that calls, creates, sets or listens: `ShipOrder(order)`, `Patient.created(...)`, `a.status = cancelled`. */
    node: AstNode;
    /** Where the trigger is named in it: the callee, `created`, or the field set or watched. */
    at: CstNode;
}

/**
 * The event flow of a set of modules. Three kinds of trigger join rules and surfaces: an external trigger
 * (`when: ShipOrder(order)`, provided by a surface or emitted as `ShipOrder(o)` in `ensures:`), the creation of an
 * entity (`when: p: Patient.created`, fired by `Patient.created(...)`), and a field reaching a value
 * (`when: a: Appointment.status transitions_to cancelled`, fired by `a.status = cancelled`). An external trigger is
 * declared nowhere: as for the reference checker, it is its name among files joined by `use`, so
 * `payments/AuthorisePayment(...)` in orders.allium and `when: AuthorisePayment(...)` in payments.allium meet, and
 * a `Pinged(...)` emitted by an imported file reaches the importer's `when: Pinged(...)`.
 */
export class TriggerGraph {
    private readonly byKey = new MultiMap<string, TriggerGraphUse>();
    private readonly byDeclaration = new MultiMap<AstNode, TriggerGraphUse>();
    private readonly byNode = new Map<AstNode, TriggerGraphUse>();

    constructor(readonly uses: readonly TriggerGraphUse[], private readonly sets: SpecSets) {
        for (const use of uses) {
            this.byKey.add(use.key, use);
            this.byDeclaration.add(use.declaration, use);
            this.byNode.set(use.at.astNode, use);
        }
    }

    /** The uses of a trigger, in one role or all. */
    usesOf(key: string, role?: TriggerRole): TriggerGraphUse[] {
        return this.byKey.get(key).filter(u => role === undefined || u.role === role);
    }

    /** The triggers a rule or surface calls or listens to, in one role or all. */
    usesIn(declaration: AstNode, role?: TriggerRole): TriggerGraphUse[] {
        return this.byDeclaration.get(declaration).filter(u => role === undefined || u.role === role);
    }

    /** The use whose trigger is named by `node` (the node of a callee, `created` or field name). */
    useAt(node: AstNode): TriggerGraphUse | undefined {
        return this.byNode.get(node);
    }

    /** The key of the external trigger a callee names, used or not: `ShipOrder`, `payments/AuthorisePayment`. */
    triggerKeyOf(callee: ast.NameRef): string | undefined {
        return this.sets.triggerKey(callee)?.key;
    }

    /** The rules a trigger fires. */
    listenersOf(key: string): ast.RuleDecl[] {
        return this.usesOf(key, 'listens').map(u => u.declaration as ast.RuleDecl);
    }
}

/** The trigger graph of `modules`; names are resolved through each module's `use` and the spec's typing. */
export function triggerGraph(services: AlliumServices, modules: Iterable<ast.Module>): TriggerGraph {
    const all = [...modules];
    const sets = new SpecSets(services, all);
    const uses: TriggerGraphUse[] = [];
    for (const module of all) {
        for (const declaration of module.declarations ?? []) {
            if (ast.isRuleDecl(declaration)) {
                uses.push(...listened(services, sets, declaration), ...emitted(services, sets, declaration));
            } else if (ast.isSurfaceDecl(declaration)) {
                uses.push(...provided(sets, declaration));
            }
        }
    }
    return new TriggerGraph(uses, sets);
}

function listened(services: AlliumServices, sets: SpecSets, rule: ast.RuleDecl): TriggerGraphUse[] {
    return rule.items.filter(ast.isTriggerClause).flatMap(clause => {
        const expr = clause.trigger?.expr;
        const found = ast.isCall(expr) ? external(sets, expr)
            : ast.isMemberAccess(expr) ? creation(services, expr)
                : ast.isBinaryExpr(expr) && (expr.operator === 'transitions_to' || expr.operator === 'becomes') ? transition(services, expr.left, expr.right, 'type')
                    : undefined;
        return found && expr ? [{ ...found, role: 'listens' as const, declaration: rule, node: expr }] : [];
    });
}

function emitted(services: AlliumServices, sets: SpecSets, rule: ast.RuleDecl): TriggerGraphUse[] {
    const uses: TriggerGraphUse[] = [];
    for (const node of nodesOf(rule)) {
        const found = ast.isCall(node) ? external(sets, node) ?? (ast.isMemberAccess(node.callee) ? creation(services, node.callee) : undefined)
            : ast.isBinaryExpr(node) && node.operator === '=' && isStatement(node) ? transition(services, node.left, node.right, 'instance')
                : undefined;
        if (found && clauseOf(node, rule) === 'ensures') {
            uses.push({ ...found, role: 'emits', declaration: rule, node });
        }
    }
    return uses;
}

function provided(sets: SpecSets, surface: ast.SurfaceDecl): TriggerGraphUse[] {
    return nodesOf(surface).filter(ast.isCall).flatMap(call => {
        const found = clauseOf(call, surface) === 'provides' ? external(sets, call) : undefined;
        return found ? [{ ...found, role: 'provides' as const, declaration: surface, node: call }] : [];
    });
}

type Found = Pick<TriggerGraphUse, 'key' | 'name' | 'kind' | 'home' | 'at'>;

/** `ShipOrder(order)`, `payments/AuthorisePayment(...)`: a capitalised name called. */
function external(sets: SpecSets, call: ast.Call): Found | undefined {
    const callee = call.callee;
    // `Address(street: s)` builds a value; it is no trigger.
    const trigger = ast.isNameRef(callee) && !isTypeDecl(callee.ref.ref) ? sets.triggerKey(callee) : undefined;
    return trigger && callee.$cstNode ? { ...trigger, kind: 'external', at: callee.$cstNode } : undefined;
}

/** `Patient.created`: the creation of an entity, keyed by its declaration. */
function creation(services: AlliumServices, access: ast.MemberAccess): Found | undefined {
    const type = access.member.$refText === 'created' && ast.isNameRef(access.receiver) ? services.typing.SpecTypes.findType(access.receiver.ref.$refText, access) : undefined;
    const at = access.$cstNode && memberNode(access);
    return type && at ? { key: `${typeKey(type)}.created`, name: `${type.name}.created`, kind: 'creation', at } : undefined;
}

/**
 * A field reaching a value: watched as `Appointment.status transitions_to cancelled` (the receiver a type), set as
 * `appointment.status = cancelled` (the receiver an instance of it).
 */
function transition(services: AlliumServices, left: AstNode, right: AstNode, receiver: 'type' | 'instance'): Found | undefined {
    if (!ast.isMemberAccess(left) || !ast.isNameRef(right)) {
        return undefined;
    }
    const denoted = services.typing.SpecTypes.denote(left.receiver);
    const at = memberNode(left);
    if (denoted?.kind !== receiver || !at) {
        return undefined;
    }
    const field = left.member.$refText;
    const value = right.ref.$refText;
    return { key: `${typeKey(denoted.type)}.${field}=${value}`, name: `${denoted.type.name}.${field} -> ${value}`, kind: 'transition', at };
}

/** An expression standing as an outcome of its own, not a condition inside one (`if a.status = x:`). */
function isStatement(node: AstNode): boolean {
    const container = node.$container;
    return ast.isAssignment(container) || ast.isExprBlock(container) || ast.isBranchBody(container);
}

function memberNode(access: ast.MemberAccess): CstNode | undefined {
    return GrammarUtils.findNodeForProperty(access.$cstNode, 'member');
}

function typeKey(type: AstNode & { name: string }): string {
    return `${AstUtils.getDocument(type).uri.toString()}#${type.name}`;
}

/** The clause keyword of the rule or surface item an expression is written in. */
function clauseOf(node: AstNode, declaration: AstNode): string | undefined {
    for (let current: AstNode | undefined = node.$container; current && current !== declaration; current = current.$container) {
        if (ast.isTriggerClause(current)) {
            return 'when';
        }
        if (ast.isAssignment(current) || ast.isBindingClause(current)) {
            return ast.isAssignment(current) ? current.name : current.keyword;
        }
        if (ast.isCall(current) || ast.isCallArg(current)) {
            // An argument of another call: `Order.created(total: Max(a, b))`.
            return undefined;
        }
    }
    return undefined;
}

/** The files joined by `use`, in either direction and transitively: the scope of an external trigger's name. */
class SpecSets {
    private readonly setOf = new Map<string, string>();

    constructor(private readonly services: AlliumServices, modules: ast.Module[]) {
        const parent = new Map<string, string>();
        const find = (uri: string): string => {
            let root = uri;
            while (parent.has(root) && parent.get(root) !== root) {
                root = parent.get(root)!;
            }
            parent.set(uri, root);
            return root;
        };
        for (const module of modules) {
            const uri = uriOf(module);
            for (const use of module.declarations?.filter(ast.isUseDecl) ?? []) {
                const imported = importedDocument(services, use);
                if (imported) {
                    const [a, b] = [find(uri), find(imported.uri.toString())].sort();
                    parent.set(b, a);
                }
            }
        }
        for (const module of modules) {
            this.setOf.set(uriOf(module), find(uriOf(module)));
        }
    }

    /** The key, name and home of the trigger a capitalised callee names; nothing when its alias imports nothing here. */
    triggerKey(callee: ast.NameRef): { key: string; name: string; home: string } | undefined {
        const text = callee.ref.$refText;
        const slash = text.indexOf('/');
        const name = text.slice(slash + 1);
        if (!/^[A-Z]/.test(name)) {
            return undefined;
        }
        const module = AstUtils.findRootNode(callee) as ast.Module;
        const uri = uriOf(module);
        let home = uri;
        if (slash >= 0) {
            const use = module.declarations.filter(ast.isUseDecl).find(u => u.name === text.slice(0, slash));
            const imported = use && importedDocument(this.services, use);
            if (!imported) {
                return undefined;
            }
            home = imported.uri.toString();
        }
        return { key: `${this.setOf.get(uri) ?? uri}#${name}`, name, home };
    }
}

function uriOf(module: ast.Module): string {
    return AstUtils.getDocument(module).uri.toString();
}
