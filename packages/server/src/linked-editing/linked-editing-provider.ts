import { AstUtils, CstUtils, UriUtils, type AstNode, type LangiumDocument, type References } from 'langium';
import type { LinkedEditingRangeParams, LinkedEditingRanges } from 'vscode-languageserver';
import * as ast from '@allium/language';
import type { AlliumLspServices } from '../allium-server-module.js';

/** Langium has no linked editing service; this is one in its style, with a handler in linked-editing-handler.ts. */
export interface LinkedEditingRangeProvider {
    getLinkedEditingRanges(document: LangiumDocument, params: LinkedEditingRangeParams): LinkedEditingRanges | undefined;
}

const NAME = '[a-zA-Z_][a-zA-Z0-9_]*';

/**
 * Names that must change together as one types: a binding local to a rule, surface or invariant (a trigger
 * parameter or binding, `let`, a `for` variable, `facing`/`context`, a parameter) where it is declared and every
 * use of it there. Names seen from other declarations or files are left to rename.
 */
export class AlliumLinkedEditingRangeProvider implements LinkedEditingRangeProvider {
    private readonly references: References;
    private readonly nameRegexp: RegExp;

    constructor(services: AlliumLspServices) {
        this.references = services.references.References;
        this.nameRegexp = services.parser.GrammarConfig.nameRegexp;
    }

    getLinkedEditingRanges(document: LangiumDocument, params: LinkedEditingRangeParams): LinkedEditingRanges | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.nameRegexp);
        const binding = leaf && this.references.findDeclarations(leaf).find(isLocalBinding);
        const scope = binding && AstUtils.getContainerOfType(binding, isLocalScope);
        if (!binding || !scope?.$cstNode || !UriUtils.equals(AstUtils.getDocument(binding).uri, document.uri)) {
            return undefined;
        }
        const within = scope.$cstNode;
        // A trigger parameter both declares its name and refers to itself: its place would come twice.
        const ranges = this.references.findReferences(binding, { includeDeclaration: true, documentUri: document.uri })
            .filter(r => within.offset <= r.segment.offset && r.segment.end <= within.end)
            .distinct(r => r.segment.offset)
            .map(r => r.segment.range).toArray();
        return ranges.length > 0 ? { ranges, wordPattern: NAME } : undefined;
    }
}

function isLocalBinding(node: AstNode): boolean {
    return ast.isTriggerBinding(node) || ast.isLetItem(node) || ast.isLetExpr(node) || ast.isLoopVar(node) || ast.isBindingClause(node)
        || ast.isParameter(node) || ast.isTypedParam(node) || (ast.isNameRef(node) && ast.isCallArg(node.$container) && ast.isTrigger(node.$container.$container.$container));
}

function isLocalScope(node: AstNode): node is AstNode {
    return ast.isRuleDecl(node) || ast.isSurfaceDecl(node) || ast.isInvariantDecl(node) || ast.isEntityInvariant(node) || ast.isContractDecl(node)
        || ast.isEntityDecl(node) || ast.isValueDecl(node) || ast.isActorDecl(node) || ast.isConfigDecl(node) || ast.isGivenDecl(node) || ast.isDefaultDecl(node);
}
