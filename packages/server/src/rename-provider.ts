import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ResponseError, type Position, type Range, type RenameParams, type TextDocumentPositionParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { declarationId } from '@allium/generate';
import type { CodeIndex } from './trace/code-index.js';
import { renameLinkEdits } from './trace/rename-links.js';
import type { TraceLinks } from './trace/trace-links.js';
import type { Module } from '@allium/language';
import type { AlliumLspServices } from './allium-server-module.js';
import { isCall, isField, isNameRef, isRuleDecl, type Field, type NameRef } from '@allium/language';
import type { FieldUses } from './analysis/field-uses.js';
import type { ClientOptions } from './client-options.js';

const INVALID_PARAMS = -32602;

/**
 * Renames a declaration and every reference to it across the workspace. A qualified reference (`payments/Payment`)
 * keeps its import alias; a name already declared beside the target is refused rather than merged; a field is
 * renamed only when every `x.field` of that name can be told to be (or not to be) that field. Generated code stays
 * linked: its markers and trace records are renamed in the same edit.
 */
export class AlliumRenameProvider extends DefaultRenameProvider {
    private readonly documents: AlliumLspServices['shared']['workspace']['LangiumDocuments'];
    private readonly fieldUses: FieldUses;
    private readonly codeIndex: CodeIndex;
    private readonly trace: TraceLinks;
    private readonly clientOptions: ClientOptions;

    constructor(services: AlliumLspServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.fieldUses = services.analysis.FieldUses;
        this.codeIndex = services.trace.CodeIndex;
        this.trace = services.trace.TraceLinks;
        this.clientOptions = services.editor.ClientOptions;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(params.newName)) {
            throw new ResponseError(INVALID_PARAMS, `'${params.newName}' is not a valid Allium name.`);
        }
        const trigger = this.triggerAt(document, params.position);
        if (trigger) {
            return this.renameTrigger(document, trigger, params.newName);
        }
        const target = this.target(document, params.position);
        const clash = target && clashWith(target, params.newName);
        if (clash) {
            throw new ResponseError(INVALID_PARAMS, `'${params.newName}' is already declared in ${clash}; pick another name.`);
        }
        if (target && isField(target)) {
            const unsure = this.fieldUses.of(target).filter(u => !u.certain);
            if (unsure.length > 0) {
                const where = unsure.slice(0, 3).map(u => `${AstUtils.getDocument(u.node).uri.path.split('/').pop()}:${u.name.range.start.line + 1}`).join(', ');
                throw new ResponseError(INVALID_PARAMS, `Cannot tell whether ${unsure.length} use(s) of '.${target.name}' (${where}) are this field; rename those by hand first or bind their receiver's type.`);
            }
        }
        // Calls of a trigger of the rule's name link to the rule; they are the trigger's, not the rule's.
        const edit = target && isRuleDecl(target) ? this.declarationOnly(target, params.newName) : await super.rename(document, params);
        const links = target && this.linkEdits(target, params.newName);
        if (edit && links) {
            edit.changes = { ...edit.changes, ...links };
        }
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

    /** The trigger call whose name is at `position` (`when: AuthorisePayment(...)`, `ensures: payments/AuthorisePayment(...)`). */
    private triggerAt(document: LangiumDocument, position: Position): NameRef | undefined {
        const node = this.leaf(document, position)?.astNode;
        return isNameRef(node) && isCall(node.$container) && node.$container.callee === node && /^[A-Z]/.test(localName(node.ref.$refText)) ? node : undefined;
    }

    /**
     * A trigger is its calls: where rules handle it (`when:`), emit it (`ensures:`) and surfaces offer it
     * (`provides:`), in this file and in the files importing it. A rule of the same name is another thing and keeps
     * its name; when there is one, the edit says so and asks before it is applied, where the editor can.
     */
    private renameTrigger(document: LangiumDocument, trigger: NameRef, newName: string): WorkspaceEdit {
        const name = localName(trigger.ref.$refText);
        const modules = this.fieldUses.relatedModules(document);
        const calls = modules.flatMap(module => AstUtils.streamAst(module).filter(isCall).toArray())
            .map(call => call.callee).filter((callee): callee is NameRef => isNameRef(callee) && localName(callee.ref.$refText) === name && callee.$cstNode !== undefined);
        const rule = modules.flatMap(module => module.declarations).find(d => isRuleDecl(d) && d.name === name);
        const byUri = new Map<string, { document: LangiumDocument; edits: TextEdit[] }>();
        for (const callee of calls) {
            const from = AstUtils.getDocument(callee);
            const written = callee.ref.$refText;
            const entry = byUri.get(from.uri.toString()) ?? { document: from, edits: [] };
            entry.edits.push({ range: callee.$cstNode!.range, newText: written.slice(0, written.length - name.length) + newName });
            byUri.set(from.uri.toString(), entry);
        }
        if (!rule || !this.clientOptions.changeAnnotations) {
            return { changes: Object.fromEntries([...byUri].map(([uri, entry]) => [uri, entry.edits])) };
        }
        const annotationId = 'renameTrigger';
        return {
            documentChanges: [...byUri.values()].map(({ document: from, edits }) => ({
                textDocument: { uri: from.uri.toString(), version: from.textDocument.version },
                edits: edits.map(e => ({ ...e, annotationId }))
            })),
            changeAnnotations: {
                [annotationId]: {
                    label: `Rename trigger '${name}' (${calls.length} call${calls.length === 1 ? '' : 's'})`,
                    description: `The rule '${name}' keeps its name; rename it on its declaration if it should follow.`,
                    needsConfirmation: true
                }
            }
        };
    }

    /** A declaration nothing refers to by name but generated code: its name, and the links. */
    private declarationOnly(target: AstNode & { name: string }, newName: string): WorkspaceEdit | undefined {
        const name = this.nameProvider.getNameNode(target);
        return name ? { changes: { [AstUtils.getDocument(target).uri.toString()]: [{ range: name.range, newText: newName }] } } : undefined;
    }

    /** Markers and trace records naming a renamed declaration (or its clauses and tests) follow the new name. */
    private linkEdits(target: AstNode, newName: string): Record<string, TextEdit[]> | undefined {
        const local = declarationId(target);
        const module = this.trace.specSet().moduleOf(target);
        return local && module && 'name' in target && typeof target.name === 'string'
            ? renameLinkEdits(this.codeIndex, module.name, local, target.name, newName) : undefined;
    }

    /** A name linking knows, and also a field reached through `.`. */
    override async prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Promise<Range | undefined> {
        const range = await super.prepareRename(document, params);
        if (range) {
            return range;
        }
        const leaf = this.leaf(document, params.position);
        return leaf && (this.triggerAt(document, params.position) || this.references.findDeclarations(leaf).some(isField)) ? leaf.range : undefined;
    }

    private target(document: LangiumDocument, position: Position): AstNode | undefined {
        const leaf = this.leaf(document, position);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    private leaf(document: LangiumDocument, position: Position) {
        const root = document.parseResult.value.$cstNode;
        return root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
    }
}

/** Where the new name is already taken: another top-level declaration of the target's file, or another field of its owner. */
function clashWith(target: AstNode, name: string): string | undefined {
    const file = AstUtils.getDocument(target).uri.path.split('/').pop();
    if (isField(target)) {
        const owner = target.$container as { items: AstNode[]; name?: string };
        return owner.items.some(i => i !== target && isField(i) && (i as Field).name === name) ? `${owner.name ?? 'config'} (${file})` : undefined;
    }
    const module = AstUtils.findRootNode(target) as Module;
    return module.declarations.some(d => d !== target && 'name' in d && d.name === name) ? file : undefined;
}

function localName(name: string): string {
    return name.slice(name.indexOf('/') + 1);
}
