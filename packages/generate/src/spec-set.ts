import { AstUtils, DocumentState, UriUtils, type AstNode, type LangiumDocument, type URI } from 'langium';
import * as ast from '@allium/language';

/** One spec file of a generation: what its clause ids are qualified with and where it sits in the set. */
export interface SpecModule {
    /** The file name without `.allium`; with its folders where two modules of the set share a name. */
    name: string;
    uri: string;
    document: LangiumDocument;
    module: ast.Module;
    /**
     * Selected as part of the set (a file or folder the user chose), so all of it is in the prompt; otherwise it is
     * only imported, and the prompt holds just the declarations the set uses.
     */
    inSet: boolean;
    imports: Array<{ alias?: string; path: string; target: SpecModule }>;
}

/**
 * The spec files of a generation and every file they import, in import order (a module after the modules it
 * imports; cycles are cut where they close). Built over linked documents of one workspace.
 */
export class SpecSet {
    readonly modules: SpecModule[];
    private readonly byUri = new Map<string, SpecModule>();

    constructor(readonly services: ast.AlliumServices, selected: LangiumDocument[]) {
        const pending = new Map<string, { document: LangiumDocument; inSet: boolean }>();
        const queue = [...selected];
        for (const document of selected) {
            pending.set(document.uri.toString(), { document, inSet: true });
        }
        while (queue.length > 0) {
            for (const use of moduleOf(queue.shift()!).declarations.filter(ast.isUseDecl)) {
                const imported = ast.importedDocument(services, use);
                if (imported && !pending.has(imported.uri.toString())) {
                    pending.set(imported.uri.toString(), { document: imported, inSet: false });
                    queue.push(imported);
                }
            }
        }
        const names = moduleNames([...pending.values()].map(p => p.document.uri));
        for (const [uri, { document, inSet }] of pending) {
            this.byUri.set(uri, { name: names.get(uri)!, uri, document, module: moduleOf(document), inSet, imports: [] });
        }
        for (const spec of this.byUri.values()) {
            for (const use of spec.module.declarations.filter(ast.isUseDecl)) {
                const imported = ast.importedDocument(services, use);
                const target = imported && this.byUri.get(imported.uri.toString());
                if (target) {
                    spec.imports.push({ alias: use.name, path: use.path, target });
                }
            }
        }
        this.modules = importOrder([...this.byUri.values()]);
    }

    /** The module a node of the set belongs to. */
    moduleOf(node: AstNode): SpecModule | undefined {
        return this.byUri.get(AstUtils.getDocument(node).uri.toString());
    }

    get selected(): SpecModule[] {
        return this.modules.filter(m => m.inSet);
    }
}

/**
 * Loads spec files and everything they import through the workspace's file system and links them: what the CLI
 * does before generating. Imports that do not exist are left out (the checker reports them).
 */
export async function loadSpecSet(services: ast.AlliumServices, uris: URI[]): Promise<SpecSet> {
    const workspace = services.shared.workspace;
    const selected: LangiumDocument[] = [];
    for (const uri of uris) {
        selected.push(await workspace.LangiumDocuments.getOrCreateDocument(uri));
    }
    const queue = [...selected];
    const all = new Map(selected.map(d => [d.uri.toString(), d]));
    while (queue.length > 0) {
        for (const use of moduleOf(queue.shift()!).declarations.filter(ast.isUseDecl)) {
            const target = ast.usePathTarget(AstUtils.getDocument(use).uri, use.path);
            if (target && !all.has(target.toString()) && await workspace.FileSystemProvider.exists(target).catch(() => false)) {
                const document = await workspace.LangiumDocuments.getOrCreateDocument(target);
                all.set(target.toString(), document);
                queue.push(document);
            }
        }
    }
    const unbuilt = [...all.values()].filter(d => d.state < DocumentState.Linked);
    if (unbuilt.length > 0) {
        await workspace.DocumentBuilder.build(unbuilt, { validation: false });
    }
    return new SpecSet(services, selected);
}

function moduleOf(document: LangiumDocument): ast.Module {
    return document.parseResult.value as ast.Module;
}

/**
 * Each file's base name, lengthened by parent folders until no two files share one. A document without a path (an
 * editor's `untitled:` buffer) is `untitled`: every module needs a name for its clause ids.
 */
function moduleNames(uris: URI[]): Map<string, string> {
    const names = new Map<string, string>();
    const parts = uris.map(uri => {
        const path = uri.path.replace(/\.allium$/, '').split('/').filter(p => p !== '');
        return path.length > 0 ? path : ['untitled'];
    });
    let depth = uris.map(() => 1);
    for (let round = 0; round < 64; round++) {
        const candidates = parts.map((p, i) => p.slice(-depth[i]).join('/').replace(/[^\w./-]/g, '_'));
        const clashing = candidates.map(c => candidates.filter(o => o === c).length > 1);
        if (!clashing.includes(true)) {
            uris.forEach((uri, i) => names.set(uri.toString(), candidates[i]));
            return names;
        }
        depth = depth.map((d, i) => clashing[i] && d < parts[i].length ? d + 1 : d);
    }
    uris.forEach((uri, i) => names.set(uri.toString(), `${parts[i].join('/')}.${i}`));
    return names;
}

/** Dependencies first; among modules with no order between them, by path. */
function importOrder(modules: SpecModule[]): SpecModule[] {
    const ordered: SpecModule[] = [];
    const state = new Map<SpecModule, 'visiting' | 'done'>();
    const visit = (spec: SpecModule) => {
        if (state.has(spec)) {
            return;
        }
        state.set(spec, 'visiting');
        for (const { target } of [...spec.imports].sort((a, b) => a.target.uri.localeCompare(b.target.uri))) {
            visit(target);
        }
        state.set(spec, 'done');
        ordered.push(spec);
    };
    for (const spec of [...modules].sort((a, b) => a.uri.localeCompare(b.uri))) {
        visit(spec);
    }
    return ordered;
}

/** The display path of a module relative to a folder, for prompts and summaries. */
export function relativePath(spec: SpecModule, root: URI | undefined): string {
    if (!root) {
        return UriUtils.basename(spec.document.uri);
    }
    return UriUtils.relative(root, spec.document.uri);
}
