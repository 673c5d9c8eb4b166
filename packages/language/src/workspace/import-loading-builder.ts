import { DocumentState, type BuildOptions, type Cancellation, type FileSystemProvider, type LangiumDocument, type LangiumDocuments, type LangiumSharedCoreServices } from 'langium';
import { isModule, isUseDecl } from '../generated/ast.js';
import { usePathTarget } from '../scoping/imports.js';
import { AnnouncedDocumentsBuilder } from './announced-documents-builder.js';

/**
 * Langium's document builder, loading the files a `use` imports before anything is linked, when no workspace folder
 * brought them in: an editor that sends only `rootUri`, or opens a single file with no folder (Neovim, Helix, Emacs),
 * still follows `use "./payments.allium"`. Imports of imports are loaded too; a target that is absent, not a file, or
 * not an `.allium` file imports nothing, as in the reference checker. A document that breaks its build does not break
 * the others' (FaultTolerantDocumentBuilder), and a request may wait for a document announced by the update handler
 * ({@link AnnouncedDocumentsBuilder}).
 */
export class ImportLoadingDocumentBuilder extends AnnouncedDocumentsBuilder {
    private readonly documents: LangiumDocuments;
    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        // Parsed first, so that their `use` lines are known; the base class then skips the parse of these.
        await this.runCancelable(documents, DocumentState.Parsed, cancelToken, doc => this.langiumDocumentFactory.update(doc, cancelToken));
        return super.buildDocuments([...documents, ...await this.importedFromDisk(documents)], options, cancelToken);
    }

    /** The documents reachable through `use` from `documents` that were not loaded yet, read from the file system. */
    private async importedFromDisk(documents: LangiumDocument[]): Promise<LangiumDocument[]> {
        const loaded: LangiumDocument[] = [];
        const queue = [...documents];
        while (queue.length > 0) {
            const root = queue.shift()!.parseResult?.value;
            for (const use of isModule(root) ? root.declarations.filter(isUseDecl) : []) {
                const target = usePathTarget(root.$document!.uri, use.path);
                if (!target || target.scheme !== 'file' || !target.path.endsWith('.allium') || this.documents.hasDocument(target)) {
                    continue;
                }
                const document = await this.readable(target) ? await this.documents.getOrCreateDocument(target).catch(() => undefined) : undefined;
                if (document) {
                    loaded.push(document);
                    queue.push(document);
                }
            }
        }
        return loaded;
    }

    private async readable(uri: LangiumDocument['uri']): Promise<boolean> {
        try {
            return (await this.fileSystem.stat(uri)).isFile;
        } catch {
            return false;
        }
    }
}
