import {
    Cancellation, DefaultAstNodeDescriptionProvider, DefaultAstNodeLocator, DefaultReferenceDescriptionProvider, interruptAndCheck,
    isReference, AstUtils, CstUtils, UriUtils, type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment,
    type LangiumDocument, type NameProvider, type ReferenceDescription, type URI
} from 'langium';
import { referencesOf } from '../ast-nodes.js';

/*
 * Every keystroke rebuilds the descriptions of all names and references of a spec, but only a few are ever
 * looked at (by a hover, a rename, a find-references). So paths and ranges are computed when first read. They are
 * classes with the getters on the prototype: object literals with getters became dictionary-mode objects with a
 * closure per getter, about 700 bytes a description, 15 MB of big-20k's 96 MB heap.
 */

class LazyNodeDescription implements AstNodeDescription {
    private knownPath?: string;
    private knownNameSegment?: DocumentSegment;
    private knownSelectionSegment?: DocumentSegment;

    constructor(readonly node: AstNode, readonly name: string, readonly type: string, readonly documentUri: URI,
        private readonly locator: AstNodeLocator, private readonly names: NameProvider) {}

    get path(): string {
        return this.knownPath ??= this.locator.getAstNodePath(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.knownNameSegment ??= CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.knownSelectionSegment ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}

export class AlliumAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const described = name ?? this.nameProvider.getName(node);
        if (!described) {
            throw new Error(`A ${node.$type} without a name cannot be described.`);
        }
        return new LazyNodeDescription(node, described, node.$type, (document ?? AstUtils.getDocument(node)).uri, this.astNodeLocator, this.nameProvider);
    }
}

class LazyReferenceDescription implements ReferenceDescription {
    private knownSourcePath?: string;
    private knownSegment?: DocumentSegment;

    constructor(readonly sourceUri: URI, readonly targetUri: URI, readonly local: boolean, private readonly container: AstNode,
        private readonly target: AstNodeDescription, private readonly refNode: CstNode, private readonly locator: AstNodeLocator) {}

    get sourcePath(): string {
        return this.knownSourcePath ??= this.locator.getAstNodePath(this.container);
    }

    get targetPath(): string {
        return this.target.path;
    }

    get segment(): DocumentSegment {
        return this.knownSegment ??= CstUtils.toDocumentSegment(this.refNode);
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
            descriptions.push(new LazyReferenceDescription(sourceUri, target.documentUri, UriUtils.equals(target.documentUri, sourceUri), container, target, refNode, this.nodeLocator));
        }
        return descriptions;
    }
}

/** Paths of nodes, remembered: descriptions of many nodes of one declaration share the walk to the root. */
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
