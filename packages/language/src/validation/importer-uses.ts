import {
    AstUtils, DocumentState, WorkspaceCache,
    type AstNode, type Cancellation, type DocumentBuilder, type LangiumCoreServices, type LangiumDocument, type LangiumDocuments
} from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOf } from '../ast-nodes.js';
import { importedDocument } from '../scoping/imports.js';
import { fieldsOf, identName, sameSet, startsUppercase } from '../ast/ast-views.js';
import { declaredTypesAndContracts } from './imported-modules.js';
import { offeredTriggers, subscriptions } from '../ast/triggers.js';
import { treeMemo } from '../ast/tree-memo.js';

/**
 * What the files importing a module use of it: names of its entities, values and enums, and of its entity fields;
 * and the triggers its rules listen for that an importer makes happen (provides or emits).
 */
export interface ImportedUses {
    readonly types: ReadonlySet<string>;
    readonly fields: ReadonlySet<string>;
    readonly triggers: ReadonlySet<string>;
}

const NO_USES: ImportedUses = { types: new Set(), fields: new Set(), triggers: new Set() };

interface Entry {
    document: LangiumDocument;
    uses: ImportedUses;
}

interface Collected {
    document: LangiumDocument;
    uses: { types: Set<string>; fields: Set<string>; triggers: Set<string> };
}

/**
 * Which names of each workspace file the files importing it under an alias refer to, so that a declaration only
 * an importer uses is not reported unused, as the reference checker does for the files it checks together.
 *
 * Langium re-validates a file when files it refers into change, not when the files referring into it change, so
 * after each build this also re-validates, within the same build, the files whose importers now use something else.
 */
export class ImporterUses {
    private readonly documents: LangiumDocuments;
    private readonly builder: DocumentBuilder;
    private readonly index: WorkspaceCache<'all', Map<string, Entry>>;
    /** Per file: the uses its last validation saw; files no importer uses anything of are left out. */
    private readonly seen = new Map<string, Entry>();

    constructor(private readonly services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.builder = services.shared.workspace.DocumentBuilder;
        this.index = new WorkspaceCache(services.shared);
        this.builder.onBuildPhase(DocumentState.Validated, (built, token) => this.afterValidation(built, token));
        this.builder.onUpdate((_changed, deleted) => {
            if (deleted.length > 0) {
                this.revalidateImported();
            }
        });
    }

    /** What the files importing the file of `node` use of it. */
    of(node: AstNode): ImportedUses {
        return this.entries().get(AstUtils.getDocument(node).uri.toString())?.uses ?? NO_USES;
    }

    private entries(): Map<string, Entry> {
        return this.index.get('all', () => this.collect());
    }

    /** One pass over the workspace's `use ... as` declarations; each importer's references are read once per parse. */
    private collect(): Map<string, Entry> {
        const entries = new Map<string, Collected>();
        for (const document of this.documents.all) {
            const module = document.parseResult.value;
            // A document whose build was interrupted before parsing holds no module yet.
            if (!ast.isModule(module)) {
                continue;
            }
            for (const use of module.declarations.filter(ast.isUseDecl)) {
                const target = importedDocument(this.services, use);
                const imported = target?.parseResult.value;
                if (target && ast.isModule(imported)) {
                    // Without an alias nothing can name the imported file's declarations; a trigger is named bare.
                    const uses = entryOf(entries, target);
                    if (use.name) {
                        credit(uses, mentionsOf(module), use.name, candidatesOf(imported));
                    }
                    offeredTriggers(module, use.name).forEach(trigger => candidatesOf(imported).triggers.has(trigger) && uses.triggers.add(trigger));
                }
            }
        }
        return entries;
    }

    private async afterValidation(built: LangiumDocument[], token: Cancellation.CancellationToken): Promise<void> {
        const entries = this.entries();
        for (const document of built) {
            this.remember(document, entries.get(document.uri.toString())?.uses ?? NO_USES);
        }
        const stale = this.staleOutside(new Set(built), entries);
        if (stale.length > 0) {
            // Under the same workspace lock as the build that changed the importers; their validation re-enters here.
            await this.builder.build(stale, { validation: true }, token);
        }
    }

    private remember(document: LangiumDocument, uses: ImportedUses): void {
        const key = document.uri.toString();
        if (uses.types.size > 0 || uses.fields.size > 0 || uses.triggers.size > 0) {
            this.seen.set(key, { document, uses });
        } else {
            this.seen.delete(key);
        }
    }

    /** Validated files, not in `built`, whose importers use other names of them than their last validation saw. */
    private staleOutside(built: Set<LangiumDocument>, entries: Map<string, Entry>): LangiumDocument[] {
        const stale = new Set<LangiumDocument>();
        for (const [key, { document }] of [...this.seen, ...entries]) {
            if (this.documents.getDocument(document.uri) !== document) {
                this.seen.delete(key);
            } else if (!built.has(document) && document.state === DocumentState.Validated
                && !sameUses(entries.get(key)?.uses ?? NO_USES, this.seen.get(key)?.uses ?? NO_USES)) {
                stale.add(document);
            }
        }
        return [...stale];
    }

    /** A deleted importer leaves nothing to rebuild that would notice; rebuild the files importers used instead. */
    private revalidateImported(): void {
        for (const { document } of this.seen.values()) {
            if (document.state === DocumentState.Validated) {
                this.builder.resetToState(document, DocumentState.IndexedReferences);
            }
        }
    }
}

/** What a module refers to by name, before it is matched with the files it imports. */
interface Mentions {
    /** Type names written without a qualifier that the module does not declare: they may name an import's. */
    bare: Set<string>;
    /** Per alias: the names written `alias/Name`, or `alias.Name` as in `exposes: core.EntityMap`. */
    qualified: Map<string, Set<string>>;
    /** Per alias: the fields read as `alias/Entity.field`. */
    fields: Map<string, Set<string>>;
}

/** The names an imported module could be found not to use: its entities, values and enums, and entity fields. */
interface Candidates {
    types: Set<string>;
    fields: Set<string>;
    /** Triggers its rules listen for. */
    triggers: Set<string>;
}

// Read once per parse of each module, however many builds ask (see treeMemo).
const mentionsOf = treeMemo(readMentions);
const candidatesOf = treeMemo(readCandidates);

function readMentions(module: ast.Module): Mentions {
    const mentions: Mentions = { bare: new Set(), qualified: new Map(), fields: new Map() };
    for (const node of nodesOf(module)) {
        const written = typeNameWritten(node);
        const slash = written?.indexOf('/') ?? -1;
        if (written && slash > 0) {
            add(mentions.qualified, written.slice(0, slash), written.slice(slash + 1));
        } else if (written && startsUppercase(written)) {
            mentions.bare.add(written);
        }
        const read = qualifiedFieldRead(node);
        if (read) {
            add(mentions.fields, read.alias, read.field);
        }
    }
    // A name the importer declares itself means its own declaration, not the imported one.
    for (const local of declaredTypesAndContracts(module)) {
        mentions.bare.delete(local);
    }
    return mentions;
}

/** The type name a node writes, qualified `alias/Name` when it is; `alias.Name` is read as `alias/Name`. */
function typeNameWritten(node: AstNode): string | undefined {
    if (ast.isNameRef(node)) {
        return node.ref.$refText;
    } else if (ast.isMemberAccess(node)) {
        const alias = identName(node.receiver);
        return alias && startsUppercase(node.member.$refText) ? `${alias}/${node.member.$refText}` : undefined;
    } else if (ast.isContractEntry(node)) {
        return node.contract.$refText;
    } else if (ast.isVariantDecl(node)) {
        return node.base;
    } else if (ast.isDefaultDecl(node)) {
        return node.type;
    }
    return undefined;
}

/** `alias/Entity.field`, or `alias/Entity?.field`. */
function qualifiedFieldRead(node: AstNode): { alias: string; field: string } | undefined {
    if (ast.isMemberAccess(node) && ast.isNameRef(node.receiver)) {
        const receiver = node.receiver.ref.$refText;
        const slash = receiver.indexOf('/');
        return slash > 0 ? { alias: receiver.slice(0, slash), field: node.member.$refText } : undefined;
    }
    return undefined;
}

function readCandidates(module: ast.Module): Candidates {
    const candidates: Candidates = { types: new Set(), fields: new Set(), triggers: new Set(subscriptions(module).map(s => s.trigger.ref.$refText)) };
    for (const declaration of module.declarations) {
        if (ast.isEntityDecl(declaration) || ast.isValueDecl(declaration) || ast.isEnumDecl(declaration)) {
            candidates.types.add(declaration.name);
        }
        if (ast.isEntityDecl(declaration)) {
            fieldsOf(declaration.items).forEach(field => candidates.fields.add(field.name));
        }
    }
    return candidates;
}

/**
 * What an importer uses of the module it imports as `alias`: what it names through the alias, and the names it
 * writes bare that it does not declare (as in the reference checker, whichever import they come from).
 */
function credit(uses: Collected['uses'], mentions: Mentions, alias: string, candidates: Candidates): void {
    for (const names of [mentions.bare, mentions.qualified.get(alias)]) {
        names?.forEach(name => candidates.types.has(name) && uses.types.add(name));
    }
    mentions.fields.get(alias)?.forEach(field => candidates.fields.has(field) && uses.fields.add(field));
}

function entryOf(entries: Map<string, Collected>, document: LangiumDocument): Collected['uses'] {
    const key = document.uri.toString();
    let entry = entries.get(key);
    if (!entry) {
        entries.set(key, entry = { document, uses: { types: new Set(), fields: new Set(), triggers: new Set() } });
    }
    return entry.uses;
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
    let values = map.get(key);
    if (!values) {
        map.set(key, values = new Set());
    }
    values.add(value);
}

function sameUses(a: ImportedUses, b: ImportedUses): boolean {
    return sameSet(a.types, b.types) && sameSet(a.fields, b.fields) && sameSet(a.triggers, b.triggers);
}
