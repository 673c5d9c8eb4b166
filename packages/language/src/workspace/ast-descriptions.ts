import {
    Cancellation, DefaultAstNodeDescriptionProvider, DefaultAstNodeLocator, DefaultReferenceDescriptionProvider, interruptAndCheck,
    isReference, AstUtils, CstUtils, UriUtils, type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument,
    type ReferenceDescription
} from 'langium';
import { referencesOf } from '../ast-nodes.js';

/*
 * Every keystroke rebuilds the descriptions of all names and references of a spec, but only a few are ever
 * looked at (by a hover, a rename, a find-references). So paths and ranges are computed when first read.
 */

export class AlliumAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const described = name ?? this.nameProvider.getName(node);
        if (!described) {
            throw new Error(`A ${node.$type} without a name cannot be described.`);
        }
        const locator = this.astNodeLocator;
        const nameProvider = this.nameProvider;
        let path: string | undefined;
        let nameSegment: DocumentSegment | undefined;
        let selectionSegment: DocumentSegment | undefined;
        return {
            node,
            name: described,
            type: node.$type,
            documentUri: (document ?? AstUtils.getDocument(node)).uri,
            get path() {
                return path ??= locator.getAstNodePath(node);
            },
            get nameSegment() {
                return nameSegment ??= CstUtils.toDocumentSegment(nameProvider.getNameNode(node) ?? node.$cstNode);
            },
            get selectionSegment() {
                return selectionSegment ??= CstUtils.toDocumentSegment(node.$cstNode);
            }
        };
    }
}

export class AlliumReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const sourceUri = document.uri;
        const locator = this.nodeLocator;
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
            let sourcePath: string | undefined;
            let segment: DocumentSegment | undefined;
            descriptions.push({
                sourceUri,
                targetUri: target.documentUri,
                local: UriUtils.equals(target.documentUri, sourceUri),
                get sourcePath() {
                    return sourcePath ??= locator.getAstNodePath(container);
                },
                get targetPath() {
                    return target.path;
                },
                get segment() {
                    return segment ??= CstUtils.toDocumentSegment(refNode);
                }
            });
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
