import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { AlliumLspServices } from './allium-server-module.js';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { declarationId } from '@allium/generate';
import * as ast from '@allium/language';
import { generateCommand } from './generation/generation-actions.js';

/** Above each rule: "Generate implementation". Above each type declaration: how many places refer to it. */
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
            if (ast.isRuleDecl(declaration)) {
                if (!this.services.editor.ClientOptions.generationCommands) {
                    continue;
                }
                lenses.push({ range, command: generateCommand(document, [declarationId(declaration)!], 'Generate implementation') });
            } else if (ast.isEntityDecl(declaration) || ast.isValueDecl(declaration) || ast.isEnumDecl(declaration) || ast.isContractDecl(declaration) || ast.isActorDecl(declaration)) {
                const count = this.services.references.References.findReferences(declaration, { includeDeclaration: false }).count();
                lenses.push({ range, command: { title: count === 1 ? '1 reference' : `${count} references`, command: '' } });
            }
        }
        return lenses;
    }
}
