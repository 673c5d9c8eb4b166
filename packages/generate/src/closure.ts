import { AstUtils, MultiMap, type AstNode } from 'langium';
import * as ast from '@allium/language';
import type { SpecSet } from './spec-set.js';

/**
 * What a selection of a spec depends on, read from the linker and the spec's types rather than from names: every
 * top-level declaration its references resolve to, the types its bindings stand for (trigger parameters, `for`,
 * `let`, `given`, surface `facing`/`context`), transitively, across `use`. Context a reader needs besides: the
 * surfaces providing a selected rule's trigger, the other rules listening to it or to the triggers it emits, the
 * rules creating or changing a selected entity, the variants of included entities, and the top-level invariants
 * over included entities.
 */
export class SpecClosure {
    private readonly types: ast.SpecTypes;
    private readonly dependencies = new Map<AstNode, AstNode[]>();
    private readonly triggers: ast.TriggerGraph;
    private readonly variants = new MultiMap<AstNode, ast.VariantDecl>();

    constructor(private readonly set: SpecSet) {
        this.types = set.services.typing.SpecTypes;
        this.triggers = ast.triggerGraph(set.services, set.modules.map(m => m.module));
        for (const declaration of this.declarations()) {
            if (ast.isVariantDecl(declaration)) {
                const base = this.types.findType(declaration.base, declaration);
                if (base && this.set.moduleOf(base)) {
                    this.variants.add(base, declaration);
                }
            }
        }
    }

    /** Every top-level declaration of the set's modules. */
    declarations(): AstNode[] {
        return this.set.modules.flatMap(m => m.module.declarations);
    }

    /**
     * What a selection depends on, and the context around it. Rules are followed one step, from the selection only
     * (the listeners of the triggers it emits, the rules a selected surface provides): a rule reached otherwise is
     * another part of the behaviour, not something the selection must agree with. Context declarations come
     * without what they depend on in turn.
     */
    scopeOf(selected: readonly AstNode[]): SelectionScope {
        const dependencies = this.transitive([...selected, ...selected.flatMap(d => this.dependenciesOf(d).filter(ast.isRuleDecl))]);
        const entities = new Set([...dependencies].filter(ast.isEntityDecl));
        const invariants = this.declarations().filter(ast.isInvariantDecl).filter(i => this.dependenciesOf(i).some(d => entities.has(d as ast.EntityDecl)));
        const context = [...new Set([...selected.flatMap(d => this.contextOf(d)), ...invariants])].filter(d => !dependencies.has(d));
        return { dependencies, context };
    }

    /** The selection's scope with what its context depends on too: everything a complete reading needs. */
    of(selected: readonly AstNode[]): Set<AstNode> {
        const { dependencies, context } = this.scopeOf(selected);
        return this.transitive([...dependencies, ...context]);
    }

    /** The top-level declarations one declaration refers to directly. */
    dependenciesOf(declaration: AstNode): AstNode[] {
        let found = this.dependencies.get(declaration);
        if (!found) {
            const targets = new Set<AstNode>();
            const add = (target: AstNode | undefined) => {
                const top = target && topLevel(target);
                if (top && top !== declaration && this.set.moduleOf(top)) {
                    targets.add(top);
                }
            };
            for (const { reference } of ast.referencesOf(declaration)) {
                add('ref' in reference ? reference.ref : undefined);
            }
            for (const node of ast.nodesOf(declaration)) {
                this.typesNamedBy(node).forEach(add);
            }
            this.variants.get(declaration).forEach(add);
            this.dependencies.set(declaration, found = [...targets]);
        }
        return found;
    }

    /** Declarations a reader of `declaration` needs besides what it refers to. */
    contextOf(declaration: AstNode): AstNode[] {
        if (ast.isRuleDecl(declaration)) {
            const listened = this.triggersOf(declaration, 'listens');
            const emitted = this.triggersOf(declaration, 'emits').filter(k => !listened.includes(k));
            return [
                ...listened.flatMap(t => [...this.triggers.usesOf(t, 'provides'), ...this.triggers.usesOf(t, 'listens')].map(u => u.declaration)),
                ...emitted.flatMap(t => this.triggers.usesOf(t, 'listens').map(u => u.declaration))
            ].filter(d => d !== declaration);
        }
        if (ast.isEntityDecl(declaration)) {
            return this.declarations().filter(ast.isRuleDecl).filter(r => this.changes(r, declaration));
        }
        return [];
    }

    private transitive(roots: AstNode[]): Set<AstNode> {
        const included = new Set<AstNode>();
        const queue = [...roots];
        while (queue.length > 0) {
            const next = queue.pop()!;
            if (!included.has(next)) {
                included.add(next);
                queue.push(...this.dependenciesOf(next).filter(d => !ast.isRuleDecl(d)));
            }
        }
        return included;
    }

    /** The types a node names or stands for where the linker has no reference: bindings, plural names, signatures. */
    private typesNamedBy(node: AstNode): Array<AstNode | undefined> {
        if (ast.isTriggerBinding(node) || ast.isLoopVar(node) || ast.isBindingClause(node) || ast.isLetItem(node) || ast.isLetExpr(node) || ast.isTypedParam(node)) {
            return [this.denotedType(this.types.denoteName(node.name, node, node))];
        }
        if (ast.isNameRef(node)) {
            return this.typesOfName(node);
        }
        if (ast.isVariantDecl(node)) {
            return [this.types.findType(node.base, node)];
        }
        if (ast.isDefaultDecl(node)) {
            return [this.types.findType(node.type, node)];
        }
        if (ast.isProjection(node) && /^[A-Z]/.test(node.field)) {
            // A contract signature's return type: `capture: (payment: Payment) -> Payment`.
            return [this.types.findType(node.field, node)];
        }
        return [];
    }

    private typesOfName(node: ast.NameRef): Array<AstNode | undefined> {
        const text = node.ref.$refText;
        const found: Array<AstNode | undefined> = [this.denotedType(this.types.denote(node))];
        if (!node.ref.ref) {
            const [alias, local] = text.includes('/') ? text.split('/') : [undefined, text];
            const module = this.moduleNamed(node, alias);
            if (module && local === 'config') {
                found.push(...module.declarations.filter(ast.isConfigDecl));
            } else if (module && /^[A-Z]/.test(local)) {
                // `Orders` in `for o in Orders`; `Matching.suggest(...)` of a `deferred Matching.suggest`.
                found.push(ast.typeIn(module, singular(local)), ...module.declarations.filter(ast.isDeferredDecl)
                    .filter(d => d.path === local || d.path.startsWith(`${local}.`) || d.path.startsWith(`${text}.`)));
            }
        }
        return found;
    }

    private denotedType(denoted: ast.Denoted | undefined): AstNode | undefined {
        return denoted && denoted.kind !== 'config' ? denoted.type : undefined;
    }

    /** The module a name is written in, or the one `alias` imports there. */
    private moduleNamed(node: AstNode, alias: string | undefined): ast.Module | undefined {
        const module = AstUtils.findRootNode(node) as ast.Module;
        if (alias === undefined) {
            return module;
        }
        const use = module.declarations.filter(ast.isUseDecl).find(u => u.name === alias);
        return use && this.types.importedModule(use);
    }

    /** Whether a rule creates the entity or sets a field of one (`order.status = shipped` in an ensures). */
    private changes(rule: ast.RuleDecl, entity: ast.EntityDecl): boolean {
        return ast.nodesOf(rule).some(node => {
            if (ast.isCall(node) && ast.isMemberAccess(node.callee) && node.callee.member.$refText === 'created') {
                return this.denotedType(this.types.denote(node.callee.receiver)) === entity;
            }
            if (ast.isBinaryExpr(node) && node.operator === '=' && ast.isMemberAccess(node.left) && isInEnsures(node)) {
                return this.denotedType(this.types.denote(node.left.receiver)) === entity;
            }
            return false;
        });
    }

    /** The external triggers a rule listens to (`when: ShipOrder(order)`) or emits (in `ensures:`), as trigger-graph keys. */
    private triggersOf(rule: ast.RuleDecl, role: ast.TriggerRole): string[] {
        return this.triggers.usesIn(rule, role).filter(u => u.kind === 'external').map(u => u.key);
    }
}

export interface SelectionScope {
    /** The selection and what it depends on, transitively. */
    dependencies: Set<AstNode>;
    /** Declarations around it: providers and other listeners of its triggers, invariants over its entities, ... */
    context: AstNode[];
}

/** The declaration at the top of the module that holds a node. */
export function topLevel(node: AstNode): AstNode | undefined {
    let current: AstNode | undefined = node;
    while (current?.$container && !ast.isModule(current.$container)) {
        current = current.$container;
    }
    return current?.$container ? current : undefined;
}

function isInEnsures(node: AstNode): boolean {
    for (let current = node.$container; current; current = current.$container) {
        if (ast.isAssignment(current)) {
            return current.name === 'ensures';
        }
    }
    return false;
}

function singular(plural: string): string {
    return plural.endsWith('ies') ? plural.slice(0, -3) + 'y' : plural.endsWith('s') ? plural.slice(0, -1) : plural;
}
