import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import type { Module } from '@allium/language';

/**
 * Renames a declaration and every reference to it across the workspace. A qualified reference (`payments/Payment`)
 * keeps its import alias, and a name already declared in the target's file is refused rather than merged.
 */
export class AlliumRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumServices['shared']['workspace']['LangiumDocuments'];

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(params.newName)) {
            throw new ResponseError(-32602, `'${params.newName}' is not a valid Allium name.`);
        }
        const target = this.target(document, params);
        if (target && clashes(target, params.newName)) {
            throw new ResponseError(-32602, `'${params.newName}' is already declared in ${AstUtils.getDocument(target).uri.path.split('/').pop()}; pick another name.`);
        }
        const edit = await super.rename(document, params);
        for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
            const text = this.documents.all.find(d => d.uri.toString() === uri)?.textDocument;
            for (const change of edits) {
                const original = text?.getText(change.range) ?? '';
                const slash = original.indexOf('/');
                if (slash > 0) {
                    change.newText = `${original.slice(0, slash + 1)}${params.newName}`;
                }
            }
        }
        return edit;
    }

    private target(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }
}

/** Whether another top-level declaration of the target's module already has the name. */
function clashes(target: AstNode, name: string): boolean {
    const module = AstUtils.findRootNode(target) as Module;
    return module.declarations.some(d => d !== target && 'name' in d && d.name === name);
}
