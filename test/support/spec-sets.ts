import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlliumCoreServices } from '@allium/language';
import { loadSpecSet, SpecSet } from '../../packages/generate/src/index.js';

/**
 * Spec sets for the tests of the packages that read one (generate, diagram): from texts or from files on disk, each
 * call with its own workspace; `set.services` are its language services.
 */

const REPO = path.resolve(__dirname, '../..');

/**
 * A spec set from texts, as in-memory files `memory:///<name>`: `selected` names the files of the set (all by
 * default); the others are there to be imported.
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

/** A spec set of files on disk (and what they import), paths relative to the repository, as the CLI loads one. */
export function specSetOnDisk(...files: string[]): Promise<SpecSet> {
    const { Allium } = createAlliumCoreServices(NodeFileSystem);
    return loadSpecSet(Allium, files.map(f => URI.file(path.resolve(REPO, f))));
}

/**
 * A trigger across `use`: support's rule Escalate emits Pinged, which main's HandlePing listens for by the same
 * name, unqualified. The checker's reachability joins the two; so must the generation closure and the event flow.
 */
export const TRIGGER_ACROSS_USE: Record<'support.allium' | 'main.allium', string> = {
    'support.allium': `-- allium: 3
rule Escalate {
    when: Opened(ticket)
    ensures: Pinged(subject: ticket)
}
`,
    'main.allium': `-- allium: 3
use "./support.allium" as support

rule HandlePing {
    when: Pinged(subject)
    ensures: subject.handled = true
}
`
};
