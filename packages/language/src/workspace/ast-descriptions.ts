import {
    Cancellation, DefaultAstNodeDescriptionProvider, DefaultAstNodeLocator, DefaultReferenceDescriptionProvider, interruptAndCheck,
    isReference, AstUtils, CstUtils, UriUtils, type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment,
    type LangiumDocument, type NameProvider, type ReferenceDescription, type URI
} from 'langium';
import { referencesOf } from '../ast-nodes.js';

/*
 * Every keystroke rebuilds the descriptions of all names and references of a spec, but only a few are ever
 * looked at (by a hover, a rename, a find-references). So paths and ranges are computed when first read.
 * Descriptions are instances of classes with their getters on the prototype: an object literal with getters
 * carries three closures and their context, and V8 keeps it as a property dictionary, about 700 bytes where an
 * instance takes about 80. A 1 MB spec has about 95,000 descriptions.
 */

class LazyNodeDescription implements AstNodeDescription {
    private cachedPath: string | undefined;
    private cachedNameSegment: DocumentSegment | undefined;
    private cachedSelectionSegment: DocumentSegment | undefined;

    constructor(readonly node: AstNode, readonly name: string, readonly type: string, readonly documentUri: URI,
        private readonly provider: AlliumAstNodeDescriptionProvider) {}

    get path(): string {
        return this.cachedPath ??= this.provider.locator.getAstNodePath(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.cachedNameSegment ??= CstUtils.toDocumentSegment(this.provider.names.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.cachedSelectionSegment ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

export class AlliumAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    get locator(): AstNodeLocator {
        return this.astNodeLocator;
    }

    get names(): NameProvider {
        return this.nameProvider;
    }

    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const described = name ?? this.nameProvider.getName(node);
        if (!described) {
            throw new Error(`A ${node.$type} without a name cannot be described.`);
        }
        return new LazyNodeDescription(node, described, node.$type, (document ?? AstUtils.getDocument(node)).uri, this);
    }
}

class LazyReferenceDescription implements ReferenceDescription {
    private cachedSourcePath: string | undefined;
    private cachedSegment: DocumentSegment | undefined;

    constructor(readonly sourceUri: URI, readonly local: boolean, private readonly container: AstNode, private readonly target: AstNodeDescription,
        private readonly refNode: CstNode, private readonly locator: AstNodeLocator) {}

    get targetUri(): URI {
        return this.target.documentUri;
    }

    get sourcePath(): string {
        return this.cachedSourcePath ??= this.locator.getAstNodePath(this.container);
    }

    get targetPath(): string {
        return this.target.path;
    }

    get segment(): DocumentSegment {
        return this.cachedSegment ??= CstUtils.toDocumentSegment(this.refNode);
    }
}

export class AlliumReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const sourceUri = document.uri;
        let visited = 0;
        for (const { reference, container } of referencesOf(document.parseResult.value)) {
            if (++visited % 1000 === 0) {
                await interruptAndCheck(cancelToken);
            }
            const target = isReference(reference) ? reference.$nodeDescription : undefined;
            const refNode = reference.$refNode;
            if (!target || !refNode || reference.error) {
                continue;
            }
            descriptions.push(new LazyReferenceDescription(sourceUri, UriUtils.equals(target.documentUri, sourceUri), container, target, refNode, this.nodeLocator));
        }
        return descriptions;
    }
}

/**
 * Paths of nodes, remembered: descriptions of many nodes of one declaration share the walk to the root. A path is
 * fixed by the tree the node is in, so it is kept as long as the node is (a WeakMap, as `treeMemo` explains).
 */
export class AlliumAstNodeLocator extends DefaultAstNodeLocator {
    private readonly paths = new WeakMap<AstNode, string>();

    override getAstNodePath(node: AstNode): string {
        let path = this.paths.get(node);
        if (path === undefined) {
            path = node.$container ? `${this.getAstNodePath(node.$container)}${this.segmentSeparator}${this.getPathSegment(node)}` : '';
            this.paths.set(node, path);
        }
        return path;
    }
}
