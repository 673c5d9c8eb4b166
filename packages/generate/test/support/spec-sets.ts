import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlliumCoreServices } from '@allium/language';
import { loadSpecSet, SpecSet } from '../../src/index.js';

/**
 * A spec set from texts, as in-memory files `memory:///<name>`: `selected` names the files of the set (all by
 * default); the others are there to be imported. Each call has its own workspace.
 */
export async function specSetOf(files: Record<string, string>, selected = Object.keys(files)): Promise<SpecSet> {
    const { Allium, shared } = createAlliumCoreServices(EmptyFileSystem);
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    return new SpecSet(Allium, documents.filter(d => selected.includes(d.uri.path.slice(1))));
}

/** A spec set of files on disk (and what they import), paths relative to the repository. */
export function specSetOnDisk(...files: string[]): Promise<SpecSet> {
    const { Allium } = createAlliumCoreServices(NodeFileSystem);
    return loadSpecSet(Allium, files.map(f => URI.file(path.resolve(__dirname, '../../../..', f))));
}
