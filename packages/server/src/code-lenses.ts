import type { AstNode, LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { AlliumLspServices } from './allium-server-module.js';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import { declarationId, Commands } from '@allium/generate';
import { regionLocation } from './trace/trace-links.js';
import * as ast from '@allium/language';
import { generateCommand } from './generation/generation-actions.js';

/**
 * Above each rule: "Generate implementation". Above each type declaration: how many places refer to it. Above a
 * declaration generated code is linked to: where it is implemented and tested.
 */
export class AlliumCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: AlliumLspServices) {}

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[]> {
        const module = document.parseResult.value as ast.Module;
        const lenses: CodeLens[] = [];
        for (const declaration of module.declarations) {
            const start = declaration.$cstNode?.range.start;
            if (!start) {
                continue;
            }
            const range = { start, end: start };
            if (ast.isRuleDecl(declaration) && this.services.editor.ClientOptions.generationCommands) {
                lenses.push({ range, command: generateCommand(document, [declarationId(declaration)!], 'Generate implementation') });
            }
            const linked = this.traceLens(document, declaration, range);
            if (linked) {
                lenses.push(linked);
            }
            if (ast.isEntityDecl(declaration) || ast.isValueDecl(declaration) || ast.isEnumDecl(declaration) || ast.isContractDecl(declaration) || ast.isActorDecl(declaration)) {
                const count = this.services.references.References.findReferences(declaration, { includeDeclaration: false }).count();
                lenses.push({ range, command: { title: count === 1 ? '1 reference' : `${count} references`, command: '' } });
            }
        }
        return lenses;
    }

    /** "implemented in 2 places · 5 tests" on a declaration generated code is linked to; opens the list of them. */
    private traceLens(document: LangiumDocument, declaration: AstNode, range: Range): CodeLens | undefined {
        const trace = this.services.trace.TraceLinks.of(document);
        const id = trace?.clauses.find(c => c.node === declaration)?.id;
        const own = id ? trace!.report.clauses.filter(c => c.clause.owner === id) : [];
        const whole = own.find(c => c.clause.id === id);
        const places = whole?.implementations.length ? whole.implementations : own.flatMap(c => c.implementations);
        const tests = whole?.tests ?? [];
        if (!whole || (places.length === 0 && tests.length === 0)) {
            return undefined;
        }
        const drifted = own.filter(c => c.state === 'drifted').length;
        const title = [`implemented in ${places.length} place${places.length === 1 ? '' : 's'}`, `${tests.length} test${tests.length === 1 ? '' : 's'}`,
            ...(drifted ? [`${drifted} clause${drifted === 1 ? '' : 's'} changed since`] : [])].join(' · ');
        const locations = [...places, ...tests].map(regionLocation);
        const command = this.services.editor.ClientOptions.generationCommands ? Commands.showLocations : '';
        return { range, command: { title, command, arguments: command ? [document.uri.toString(), range.start, locations] : undefined } };
    }
}
