import { AstUtils, UriUtils, type AstNode, type LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import * as ast from '@allium/language';
import type { Field, SpecTypes, TypeDecl } from '../analysis/spec-types.js';

type TopLevel = ast.Module['declarations'][number];

/** Who uses a declaration, named by the top-level constructs that do (`rule ShipOrder`, `surface Warehouse`). */
export class Usages {
    constructor(private readonly services: LangiumServices, private readonly types: SpecTypes) {}

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

    /** Rules that assign a field (in `ensures:` or as a `.created(...)` argument), apart from constructs that only read it. */
    ofField(field: Field, owner: TypeDecl | undefined): { changedBy: string[]; readBy: string[] } {
        const changedBy: TopLevel[] = [];
        const readBy: TopLevel[] = [];
        for (const module of this.relatedModules(AstUtils.getDocument(field))) {
            for (const declaration of module.declarations) {
                if (declaration === owner || ast.isConfigDecl(declaration)) {
                    continue;
                }
                const nodes = AstUtils.streamAst(declaration);
                if (nodes.some(n => this.assigns(n, field, owner))) {
                    changedBy.push(declaration);
                } else if (nodes.some(n => ast.isMemberAccess(n) && n.member.$refText === field.name && this.reaches(n.receiver, owner))) {
                    readBy.push(declaration);
                }
            }
        }
        return { changedBy: distinctLabels(changedBy), readBy: distinctLabels(readBy) };
    }

    /** An external trigger's life: the rules that handle it, the surfaces that offer it, the rules that emit it. */
    ofTrigger(name: string, document: LangiumDocument): { handledBy: string[]; providedBy: string[]; emittedBy: string[] } {
        const handledBy: TopLevel[] = [];
        const providedBy: TopLevel[] = [];
        const emittedBy: TopLevel[] = [];
        for (const module of this.relatedModules(document)) {
            for (const declaration of module.declarations) {
                for (const call of AstUtils.streamAst(declaration).filter(ast.isCall)) {
                    if (!ast.isNameRef(call.callee) || localName(call.callee.ref.$refText) !== name) {
                        continue;
                    }
                    const clause = clauseOf(call);
                    if (clause === 'when') {
                        handledBy.push(declaration);
                    } else if (clause === 'provides') {
                        providedBy.push(declaration);
                    } else if (clause === 'ensures') {
                        emittedBy.push(declaration);
                    }
                }
            }
        }
        return { handledBy: distinctLabels(handledBy), providedBy: distinctLabels(providedBy), emittedBy: distinctLabels(emittedBy) };
    }

    private assigns(node: AstNode, field: Field, owner: TypeDecl | undefined): boolean {
        if (ast.isBinaryExpr(node) && node.op === '=' && ast.isMemberAccess(node.left) && node.left.member.$refText === field.name) {
            return clauseOf(node) === 'ensures' && this.reaches(node.left.receiver, owner);
        }
        if (ast.isCallArg(node) && node.name === field.name && ast.isMemberAccess(node.$container.callee) && node.$container.callee.member.$refText === 'created') {
            return this.reaches(node.$container.callee.receiver, owner);
        }
        return false;
    }

    /** Whether a receiver can be an instance of `owner`: it denotes that type, or nothing tells what it is. */
    private reaches(receiver: AstNode, owner: TypeDecl | undefined): boolean {
        if (!owner) {
            return ast.isNameRef(receiver) && receiver.ref.$refText === 'config';
        }
        const denoted = this.types.denote(receiver);
        if (!denoted || denoted.kind === 'config') {
            return !denoted;
        }
        return denoted.type === owner || (ast.isVariantDecl(denoted.type) && localName(denoted.type.base) === owner.name);
    }

    /** The document's module and the modules that import it with `use`. */
    private relatedModules(document: LangiumDocument): ast.Module[] {
        const own = document.parseResult.value as ast.Module;
        const importers = this.services.shared.workspace.LangiumDocuments.all
            .filter(d => d !== document && (d.parseResult.value as ast.Module).declarations?.some(u => ast.isUseDecl(u) && u.path?.startsWith('.')
                && UriUtils.equals(UriUtils.resolvePath(UriUtils.dirname(d.uri), u.path), document.uri)))
            .map(d => d.parseResult.value as ast.Module);
        return [own, ...importers];
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

function localName(name: string): string {
    return name.slice(name.indexOf('/') + 1);
}
