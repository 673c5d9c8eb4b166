import { AstUtils, MultiMap, type AstNode, type LangiumCoreServices } from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOf } from '../ast-nodes.js';
import { importedDocument } from '../scoping/imports.js';
import { isTypeDecl, localName } from '../typing/spec-nodes.js';

/** A trigger as the flow knows it: its name and the module whose namespace it lives in (`payments/Captured` meets `Captured` in payments). */
export interface TriggerRef {
    /** `<module uri>#<name>`: equal for every spelling of one trigger across `use`. */
    key: string;
    name: string;
    moduleUri: string;
}

/** Where a trigger is written: the call in a surface's `provides:`, a rule's `when:` or a rule's `ensures:`. */
export interface TriggerUse {
    trigger: TriggerRef;
    declaration: ast.RuleDecl | ast.SurfaceDecl;
    node: AstNode;
}

/** A rule whose `when:` is not a trigger call: a temporal condition, a state change, a creation. */
export interface ConditionTrigger {
    rule: ast.RuleDecl;
    clause: ast.TriggerClause;
    expression: ast.Expression;
}

/**
 * Who provides, listens to and emits each trigger of a set of modules: surfaces provide (`provides:`), rules
 * listen (`when:`) and emit (a trigger call in `ensures:`). Read from the AST and the `use` imports, across files.
 */
export class TriggerFlow {
    readonly providers = new MultiMap<string, TriggerUse>();
    readonly listeners = new MultiMap<string, TriggerUse>();
    readonly emitters = new MultiMap<string, TriggerUse>();
    readonly conditions: ConditionTrigger[] = [];
    /** Every trigger seen, by key, in the order first met. */
    readonly triggers = new Map<string, TriggerRef>();

    constructor(private readonly services: LangiumCoreServices, modules: readonly ast.Module[]) {
        for (const module of modules) {
            for (const declaration of module.declarations) {
                if (ast.isRuleDecl(declaration)) {
                    this.readRule(declaration);
                } else if (ast.isSurfaceDecl(declaration)) {
                    for (const call of callsUnder(declaration, 'provides')) {
                        this.add(this.providers, call, declaration);
                    }
                }
            }
        }
    }

    private readRule(rule: ast.RuleDecl): void {
        for (const clause of rule.items.filter(ast.isTriggerClause)) {
            const expression = clause.trigger?.expr;
            const use = ast.isCall(expression) ? this.add(this.listeners, expression, rule) : undefined;
            if (!use && expression) {
                this.conditions.push({ rule, clause, expression });
            }
        }
        for (const call of callsUnder(rule, 'ensures')) {
            this.add(this.emitters, call, rule);
        }
    }

    private add(map: MultiMap<string, TriggerUse>, call: ast.Call, declaration: ast.RuleDecl | ast.SurfaceDecl): TriggerUse | undefined {
        const trigger = this.triggerOf(call);
        if (!trigger) {
            return undefined;
        }
        const use = { trigger, declaration, node: call };
        map.add(trigger.key, use);
        if (!this.triggers.has(trigger.key)) {
            this.triggers.set(trigger.key, trigger);
        }
        return use;
    }

    /** The trigger a call names: an upper-case name that is not a type (`Address(...)` builds a value; `Order.created` is a member). */
    triggerOf(call: ast.Call): TriggerRef | undefined {
        const callee = call.callee;
        if (!ast.isNameRef(callee)) {
            return undefined;
        }
        const text = callee.ref.$refText;
        const name = localName(text);
        if (!/^[A-Z]/.test(name) || isTypeDecl(callee.ref.ref)) {
            return undefined;
        }
        const here = AstUtils.findRootNode(callee) as ast.Module;
        let module: ast.Module | undefined = here;
        if (text.includes('/')) {
            const alias = text.slice(0, text.indexOf('/'));
            const use = here.declarations.filter(ast.isUseDecl).find(u => u.name === alias);
            module = use && importedDocument(this.services, use)?.parseResult.value as ast.Module | undefined;
        }
        if (!module) {
            return undefined;
        }
        const moduleUri = AstUtils.getDocument(module).uri.toString();
        return { key: `${moduleUri}#${name}`, name, moduleUri };
    }
}

/** The trigger calls under a declaration's clauses of one name (`provides:`, `ensures:`), nested blocks included. */
function callsUnder(declaration: AstNode, clause: string): ast.Call[] {
    return nodesOf(declaration).filter(ast.isCall).filter(call => {
        for (let node: AstNode | undefined = call.$container; node && node !== declaration; node = node.$container) {
            if (ast.isAssignment(node)) {
                return node.name === clause;
            }
        }
        return false;
    });
}
