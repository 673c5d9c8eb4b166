import { AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MultiMap, StreamScope, stream, WorkspaceCache, type AstNode, type AstNodeDescription, type LangiumCoreServices, type LocalSymbols, type ReferenceInfo, type Scope } from 'langium';
import type { AlliumServices } from '../allium-module.js';
import * as ast from '../generated/ast.js';
import { importedDeclaration } from './imports.js';
import { MemberScopes } from './member-scopes.js';
import { NamesScope, SymbolScope } from './scopes.js';

/**
 * Langium's default scoping filters a container's symbols for every reference it resolves, which is quadratic
 * in a spec's size (a 20k-line spec has thousands of top-level declarations). The scope of a container is the
 * same for every reference in it, so it is built once and kept until the workspace changes.
 */
export class AlliumScopeProvider extends DefaultScopeProvider {
    private readonly scopes: WorkspaceCache<AstNode, Map<string, Scope>>;
    private readonly services: LangiumCoreServices;
    private readonly members: MemberScopes;
    private readonly referenceTypes = new Map<string, Map<string, string>>();

    constructor(services: AlliumServices) {
        super(services);
        this.services = services;
        this.members = new MemberScopes(services);
        this.scopes = new WorkspaceCache(services.shared);
    }

    override getScope(context: ReferenceInfo): Scope {
        const text = context.reference.$refText;
        if (text.includes('/')) {
            // `alias/Name` names a declaration of the file the alias imports.
            const target = importedDeclaration(this.services, context.container, text);
            return target ? new StreamScope(stream([this.descriptions.createDescription(target, text)])) : EMPTY_SCOPE;
        }
        if (ast.isMemberAccess(context.container)) {
            return this.members.ofReceiver(context.container.receiver);
        }
        const implied = this.members.impliedAt(context.container);
        if (implied) {
            return new NamesScope(implied, this.lexicalScope(context));
        }
        return this.lexicalScope(context);
    }

    private lexicalScope(context: ReferenceInfo): Scope {
        const referenceType = this.referenceTypeOf(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        let innermost: AstNode | undefined = context.container;
        while (innermost && !localSymbols?.has(innermost)) {
            innermost = innermost.$container;
        }
        return innermost ? this.scopeOf(innermost, referenceType, context) : this.getGlobalScope(referenceType, context);
    }

    private scopeOf(node: AstNode, referenceType: string, context: ReferenceInfo): Scope {
        let byType = this.scopes.get(node);
        if (!byType) {
            this.scopes.set(node, byType = new Map());
        }
        let scope = byType.get(referenceType);
        if (!scope) {
            let outer: AstNode | undefined = node.$container;
            const localSymbols = AstUtils.getDocument(node).localSymbols!;
            while (outer && !localSymbols.has(outer)) {
                outer = outer.$container;
            }
            const outerScope = outer ? this.scopeOf(outer, referenceType, context) : this.getGlobalScope(referenceType, context);
            scope = new SymbolScope(this.symbolsOfType(localSymbols, node, referenceType), outerScope);
            byType.set(referenceType, scope);
        }
        return scope;
    }

    /** Langium's reflection reads it from a dictionary of every type; the grammar has two reference properties. */
    private referenceTypeOf(context: ReferenceInfo): string {
        const { $type } = context.container;
        let byProperty = this.referenceTypes.get($type);
        if (!byProperty) {
            this.referenceTypes.set($type, byProperty = new Map());
        }
        let referenceType = byProperty.get(context.property);
        if (referenceType === undefined) {
            byProperty.set(context.property, referenceType = this.reflection.getReferenceType(context));
        }
        return referenceType;
    }

    /** The symbols `node` declares that a reference of `referenceType` can mean; usually all of them, kept as listed. */
    private symbolsOfType(localSymbols: LocalSymbols, node: AstNode, referenceType: string): readonly AstNodeDescription[] {
        const symbols = localSymbols instanceof MultiMap ? localSymbols.get(node) : localSymbols.getStream(node).toArray();
        return symbols.every(desc => this.reflection.isSubtype(desc.type, referenceType)) ? symbols
            : symbols.filter(desc => this.reflection.isSubtype(desc.type, referenceType));
    }
}
