import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { createAlliumCoreServices } from '../../packages/language/src/index.js';

const GOOD = '-- allium: 3\n\nentity Order {\n    status: pending | paid\n}\n';
const BAD = '-- allium: 3\n-- the checker throws on this file\n\nentity Broken {\n    total: Integer\n}\n';

/** Allium's services with a scope computation that throws on {@link BAD}: a stand-in for any bug of the checker. */
function servicesWithABug() {
    const services = createAlliumCoreServices(EmptyFileSystem);
    const scopes = services.Allium.references.ScopeComputation;
    const collect = scopes.collectLocalSymbols.bind(scopes);
    scopes.collectLocalSymbols = (document, token) => {
        if (document.textDocument.getText().includes('the checker throws')) {
            throw new Error('a bug of the checker');
        }
        return collect(document, token);
    };
    return services;
}

describe('a document the checker fails on', () => {
    it('is marked built with one diagnostic, and every other document is checked as usual', async () => {
        const { shared } = servicesWithABug();
        const documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        const add = (name: string, text: string): LangiumDocument => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}.allium`));
            documents.addDocument(document);
            return document;
        };
        // The bad document first: Langium stopped the build at it, and every build after it.
        const bad = add('bad', BAD);
        const good = add('good', GOOD);
        await builder.build([bad, good], { validation: true });
        expect(bad.state).toBe(DocumentState.Validated);
        expect(bad.diagnostics?.map(d => [d.code, d.message])).toEqual([['allium.internal', expect.stringContaining('a bug of the checker')]]);
        expect(good.diagnostics?.map(d => d.code)).toContain('allium.status.unreachableValue');
        // Requests wait for a document state: it is reached, for both.
        await expect(builder.waitUntil(DocumentState.Validated, bad.uri)).resolves.toEqual(bad.uri);

        // A later build (of every document not built yet) does not try the bad one again, and succeeds.
        const later = add('later', GOOD.replace('Order', 'Invoice'));
        await builder.update([], []);
        expect(later.diagnostics?.map(d => d.code)).toContain('allium.status.unreachableValue');
        expect(bad.diagnostics?.map(d => d.code)).toEqual(['allium.internal']);

    });
});
