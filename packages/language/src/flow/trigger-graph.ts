import { AstUtils, MultiMap, type AstNode, type LangiumCoreServices } from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOf } from '../ast-nodes.js';
import { importedDocument } from '../scoping/imports.js';

/**
 * How a declaration meets a trigger: a rule `listens` to it in `when:`, a surface `provides` it, a rule `emits`
 * it in `ensures:`.
 */
export type TriggerRole = 'listens' | 'provides' | 'emits';

export interface TriggerUse {
    /** The trigger with the module that owns its name (`file:///orders/payments.allium#AuthorisePayment`). */
    key: string;
    /** The trigger's name as its owner writes it, without an import alias. */
    name: string;
    role: TriggerRole;
    declaration: ast.RuleDecl | ast.SurfaceDecl;
    call: ast.Call;
    /** The trigger's name where this call writes it. */
    callee: ast.NameRef;
}

/**
 * The event flow of a set of modules: surfaces and rules calling triggers, rules listening to them. A trigger is
 * not declared anywhere in Allium; it is identified by its name in the module that writes it unqualified, so
 * `payments/AuthorisePayment(...)` in orders.allium and `when: AuthorisePayment(...)` in payments.allium meet.
 */
export class TriggerGraph {
    private readonly byKey = new MultiMap<string, TriggerUse>();
    private readonly byDeclaration = new MultiMap<AstNode, TriggerUse>();
    private readonly byCallee = new Map<ast.NameRef, TriggerUse>();

    constructor(readonly uses: readonly TriggerUse[]) {
        for (const use of uses) {
            this.byKey.add(use.key, use);
            this.byDeclaration.add(use.declaration, use);
            this.byCallee.set(use.callee, use);
        }
    }

    /** The uses of a trigger, in one role or all. */
    usesOf(key: string, role?: TriggerRole): TriggerUse[] {
        return this.byKey.get(key).filter(u => role === undefined || u.role === role);
    }

    /** The triggers a rule or surface calls or listens to, in one role or all. */
    usesIn(declaration: AstNode, role?: TriggerRole): TriggerUse[] {
        return this.byDeclaration.get(declaration).filter(u => role === undefined || u.role === role);
    }

    /** The use whose trigger name is written by `callee`. */
    useAt(callee: AstNode): TriggerUse | undefined {
        return ast.isNameRef(callee) ? this.byCallee.get(callee) : undefined;
    }

    /** The rules a trigger fires. */
    listenersOf(key: string): ast.RuleDecl[] {
        return this.usesOf(key, 'listens').map(u => u.declaration as ast.RuleDecl);
    }
}

/** The trigger graph of `modules`; `alias/Name` triggers are resolved through the `use` of the module writing them. */
export function triggerGraph(services: LangiumCoreServices, modules: Iterable<ast.Module>): TriggerGraph {
    const uses: TriggerUse[] = [];
    for (const module of modules) {
        for (const declaration of module.declarations ?? []) {
            if (ast.isRuleDecl(declaration) || ast.isSurfaceDecl(declaration)) {
                uses.push(...usesIn(services, declaration));
            }
        }
    }
    return new TriggerGraph(uses);
}

function usesIn(services: LangiumCoreServices, declaration: ast.RuleDecl | ast.SurfaceDecl): TriggerUse[] {
    const uses: TriggerUse[] = [];
    for (const call of nodesOf(declaration).filter(ast.isCall)) {
        const role = roleOf(call, declaration);
        const callee = call.callee;
        if (!role || !ast.isNameRef(callee)) {
            continue;
        }
        const trigger = triggerKey(services, callee);
        if (trigger) {
            uses.push({ ...trigger, role, declaration, call, callee });
        }
    }
    return uses;
}

/** The role of a call by the clause it is written in; a call elsewhere (a `requires:` check) is no trigger. */
function roleOf(call: ast.Call, declaration: ast.RuleDecl | ast.SurfaceDecl): TriggerRole | undefined {
    for (let node: AstNode | undefined = call.$container; node && node !== declaration; node = node.$container) {
        if (ast.isTriggerClause(node)) {
            return ast.isRuleDecl(declaration) && node.trigger?.expr === call ? 'listens' : undefined;
        }
        if (ast.isAssignment(node)) {
            return node.name === 'ensures' && ast.isRuleDecl(declaration) ? 'emits'
                : node.name === 'provides' && ast.isSurfaceDecl(declaration) ? 'provides' : undefined;
        }
        if (ast.isBindingClause(node) || ast.isCall(node) || ast.isMemberAccess(node)) {
            // An argument of another call, or the receiver of a member: `Order.created(...)`, `Max(a, b).x`.
            return undefined;
        }
    }
    return undefined;
}

/** The key and name of the trigger a capitalised callee names, or nothing when its alias imports nothing here. */
export function triggerKey(services: LangiumCoreServices, callee: ast.NameRef): { key: string; name: string } | undefined {
    const text = callee.ref.$refText;
    const slash = text.indexOf('/');
    const name = text.slice(slash + 1);
    if (!/^[A-Z]/.test(name)) {
        return undefined;
    }
    const module = AstUtils.findRootNode(callee) as ast.Module;
    if (slash < 0) {
        return { key: `${AstUtils.getDocument(module).uri.toString()}#${name}`, name };
    }
    const use = module.declarations.filter(ast.isUseDecl).find(u => u.name === text.slice(0, slash));
    const owner = use && importedDocument(services, use);
    return owner && { key: `${owner.uri.toString()}#${name}`, name };
}
