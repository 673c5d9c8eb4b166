import { AstUtils, type LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import * as ast from '@allium/language';

/** Quick fixes for diagnostics the validators can describe precisely enough to repair. */
export function quickFixes(document: LangiumDocument, diagnostics: Diagnostic[]): CodeAction[] {
    return diagnostics.flatMap(diagnostic => {
        if (diagnostic.code === 'allium.status.undeclaredTransition') {
            const fix = addTransitionEdge(document, diagnostic);
            return fix ? [fix] : [];
        }
        return [];
    });
}

/** Adds the missing `from -> to` edge to the entity's `transitions status` block, after its last edge. */
function addTransitionEdge(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
    const { entity, from, to } = (diagnostic.data ?? {}) as { entity?: string; from?: string; to?: string };
    const module = document.parseResult.value as ast.Module;
    const declaration = module.declarations.filter(ast.isEntityDecl).find(e => e.name === entity);
    const graph = declaration?.items.filter(ast.isTransitionsBlock).find(t => t.field === 'status');
    const last = graph?.edges[graph.edges.length - 1]?.$cstNode;
    if (!graph || !last || !from || !to) {
        return undefined;
    }
    const indent = document.textDocument.getText({ start: { line: last.range.start.line, character: 0 }, end: last.range.start });
    return {
        title: `Add transition '${from} -> ${to}' to ${entity}.status`,
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [AstUtils.getDocument(graph).uri.toString()]: [{ range: { start: last.range.end, end: last.range.end }, newText: `\n${indent}${from} -> ${to}` }] } }
    };
}
