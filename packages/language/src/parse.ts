import { EmptyFileSystem, URI, type LangiumDocument, type ValidationCategory } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createAlliumCoreServices, type AlliumServices } from './allium-module.js';
import type { Module as AlliumModuleNode } from './generated/ast.js';

let defaultServices: AlliumServices | undefined;

/** Shared in-memory services for one-off parsing (tests, prompt previews). */
export function alliumServices(): AlliumServices {
    defaultServices ??= createAlliumCoreServices(EmptyFileSystem).Allium;
    return defaultServices;
}

/**
 * Parses and validates `text` as a standalone document, with every check or those of the given validation categories;
 * the document is removed from the workspace afterwards.
 */
export async function parseAllium(text: string, uri = `memory:///spec-${Date.now()}-${Math.random().toString(36).slice(2)}.allium`, services = alliumServices(), categories?: readonly ValidationCategory[]): Promise<{ document: LangiumDocument<AlliumModuleNode>; diagnostics: Diagnostic[] }> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<AlliumModuleNode>(text, URI.parse(uri));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    try {
        await services.shared.workspace.DocumentBuilder.build([document], { validation: categories ? { categories: [...categories] } : true });
        return { document, diagnostics: document.diagnostics ?? [] };
    } finally {
        services.shared.workspace.LangiumDocuments.deleteDocument(document.uri);
    }
}
