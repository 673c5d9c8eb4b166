/**
 * The parts of the agent tools that read specs, over linked documents: the same for `allium mcp` (documents it loads
 * from disk) and the language server (the workspace's documents, unsaved edits included).
 */
import type { AstNode } from 'langium';
import type * as ast from '@allium/language';
import { obligationsOf } from '../obligations/index.js';
import { SpecClosure } from '../closure.js';
import { resolveSelection } from '../prompt.js';
import { declarationId } from '../spec-clauses.js';
import { qualifyClauseId } from '../clause-ids.js';
import { declarationSource } from '../spec-comments.js';
import type { SpecSet } from '../spec-set.js';
import { declarationResult, type DeclarationSource, type PlanObligation } from './agent-results.js';

/** The test obligations of one spec, as `allium plan` derives them. */
export function planObligations(module: ast.Module, services: ast.AlliumServices): PlanObligation[] {
    return obligationsOf(module, services).map(o => ({ id: o.id, category: o.category, owner: o.owner, description: o.description, construct: o.construct }));
}

/**
 * A declaration of the set with what it depends on and the declarations around it (the generation core's closure).
 * Throws a `SelectionError` when the id names nothing or names declarations of several modules.
 */
export function declarationWithClosure(set: SpecSet, id: string, relative: (uri: string) => string) {
    const [declaration] = resolveSelection(set, [id]);
    const { dependencies, context } = new SpecClosure(set).scopeOf([declaration]);
    const source = (node: AstNode): DeclarationSource => {
        const module = set.moduleOf(node)!;
        const local = declarationId(node) ?? node.$cstNode?.text.split('\n')[0] ?? node.$type;
        return {
            id: qualifyClauseId(module.name, local),
            file: relative(module.uri),
            line: (node.$cstNode?.range.start.line ?? 0) + 1,
            source: declarationSource(node, module.document.textDocument.getText())
        };
    };
    return declarationResult({
        declaration: source(declaration),
        dependencies: [...dependencies].filter(d => d !== declaration).map(source),
        context: context.map(source)
    });
}
