import { AstUtils, type AstNode, type LangiumDocument } from 'langium';
import * as ast from '@allium/language';
import type { AlliumLspServices } from '../allium-server-module.js';
import type { Field, TriggerRole } from '@allium/language';
import type { FieldUse } from '../analysis/field-uses.js';

type TopLevel = ast.Module['declarations'][number];

/** Who uses a declaration, named by the top-level constructs that do (`rule ShipOrder`, `surface Warehouse`). */
export class Usages {
    constructor(private readonly services: AlliumLspServices) {}

    /** Constructs whose text refers to the declaration, through linked references anywhere in the workspace. */
    ofDeclaration(declaration: AstNode): string[] {
        const documents = this.services.shared.workspace.LangiumDocuments;
        const users = this.services.references.References.findReferences(declaration, { includeDeclaration: false })
            .map(reference => {
                const document = documents.getDocument(reference.sourceUri);
                const source = document && this.services.workspace.AstNodeLocator.getAstNode(document.parseResult.value, reference.sourcePath);
                return source && topLevelOf(source);
            })
            .filter((d): d is TopLevel => d !== undefined && d !== declaration);
        return distinctLabels(users.toArray());
    }

    /**
     * Constructs that assign a field (in `ensures:` or as a `.created(...)` argument), apart from those that only
     * read it; and how many more use a member of that name on something whose type cannot be told.
     */
    ofField(field: Field): { changedBy: string[]; readBy: string[]; unsure: number } {
        const uses = this.services.analysis.FieldUses.of(field).filter(u => !ast.isTransitionsBlock(u.node));
        const constructs = (keep: (use: FieldUse) => boolean) => distinctLabels(uses.filter(keep).map(u => topLevelOf(u.node))
            .filter((d): d is TopLevel => d !== undefined && d !== field.$container));
        const changedBy = constructs(u => u.certain && u.writes);
        const readBy = constructs(u => u.certain && !u.writes).filter(l => !changedBy.includes(l));
        const unsure = constructs(u => !u.certain).filter(l => !changedBy.includes(l) && !readBy.includes(l));
        return { changedBy, readBy, unsure: unsure.length };
    }

    /**
     * An external trigger's life, as the trigger graph has it: the rules that handle it, the surfaces that offer it,
     * the rules that emit it; and which of those offering it are in files importing this one (`fromImporters`), which
     * the reference does not count, and whether this file offers it itself.
     */
    ofTrigger(callee: ast.NameRef, document: LangiumDocument): { handledBy: string[]; providedBy: string[]; emittedBy: string[]; fromImporters: string[]; offeredHere: boolean } {
        const graph = this.services.analysis.TriggerGraph.graph();
        const key = graph.useAt(callee)?.key;
        const uses = (role: TriggerRole) => key ? graph.usesOf(key, role) : [];
        const offering = [...uses('provides'), ...uses('emits')];
        const elsewhere = offering.filter(use => AstUtils.getDocument(use.declaration) !== document);
        const labels = (list: { declaration: TopLevel }[]) => distinctLabels(list.map(u => u.declaration));
        return {
            handledBy: labels(uses('listens')), providedBy: labels(uses('provides')), emittedBy: labels(uses('emits')),
            fromImporters: labels(elsewhere), offeredHere: elsewhere.length < offering.length
        };
    }
}

/** The clause keyword an expression sits in: `when`, `requires`, `ensures`, `provides` ... */
export function clauseOf(node: AstNode): string | undefined {
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        if (ast.isTriggerClause(current)) {
            return 'when';
        }
        if (ast.isAssignment(current) || ast.isBindingClause(current)) {
            return ast.isAssignment(current) ? current.name : current.keyword;
        }
    }
    return undefined;
}

export function topLevelOf(node: AstNode): TopLevel | undefined {
    let current: AstNode | undefined = node;
    while (current?.$container && !ast.isModule(current.$container)) {
        current = current.$container;
    }
    return current as TopLevel | undefined;
}

/** `rule ShipOrder`, `surface Warehouse`, `config`: how a top-level construct is named in prose. */
export function label(declaration: TopLevel): string {
    const keyword = KEYWORDS[declaration.$type] ?? declaration.$type;
    return 'name' in declaration && typeof declaration.name === 'string' ? `${keyword} ${declaration.name}` : keyword;
}

const KEYWORDS: Record<string, string> = {
    RuleDecl: 'rule', EntityDecl: 'entity', ValueDecl: 'value', EnumDecl: 'enum', VariantDecl: 'variant', SurfaceDecl: 'surface',
    ActorDecl: 'actor', ContractDecl: 'contract', InvariantDecl: 'invariant', ConfigDecl: 'config', GivenDecl: 'given',
    DefaultDecl: 'default', DeferredDecl: 'deferred', UseDecl: 'use', OpenQuestion: 'open question'
};

function distinctLabels(declarations: TopLevel[]): string[] {
    return [...new Set(declarations.map(label))];
}
