import { AstUtils, DefaultReferences, stream, type AstNode, type CstNode, type FindReferencesOptions, type ReferenceDescription, type Stream } from 'langium';
import type { AlliumLspServices } from '../allium-server-module.js';
import type { FieldUses } from './field-uses.js';
import type { SpecTypes } from '@allium/language';
import { isField } from '@allium/language';

/**
 * Langium's references, plus the places a field is named without a cross-reference of its own: the arguments of
 * `Order.created(status: ...)` and `transitions status`. Linking resolves `order.status` to the field; where it
 * could not (an unresolved receiver), the field is still found from the name at the cursor.
 */
export class AlliumReferences extends DefaultReferences {
    private readonly types: SpecTypes;
    private readonly uses: FieldUses;

    constructor(services: AlliumLspServices) {
        super(services);
        this.types = services.typing.SpecTypes;
        this.uses = services.analysis.FieldUses;
    }

    override findDeclarations(sourceCstNode: CstNode): AstNode[] {
        const linked = super.findDeclarations(sourceCstNode);
        const field = linked.length === 0 && sourceCstNode ? this.types.fieldNamedAt(sourceCstNode) : undefined;
        return field ? [field] : linked;
    }

    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const linked = super.findReferences(targetNode, options).toArray();
        if (!isField(targetNode)) {
            return stream(linked);
        }
        const seen = new Set(linked.map(r => `${r.sourceUri.toString()}#${r.segment.offset}`));
        const targetDocument = AstUtils.getDocument(targetNode);
        const found = this.uses.of(targetNode).flatMap(use => {
            const document = AstUtils.getDocument(use.node);
            const key = `${document.uri.toString()}#${use.name.offset}`;
            if (seen.has(key) || (options.documentUri && document.uri.toString() !== options.documentUri.toString())) {
                return [];
            }
            seen.add(key);
            return [{
                sourceUri: document.uri,
                sourcePath: this.nodeLocator.getAstNodePath(use.node),
                targetUri: targetDocument.uri,
                targetPath: this.nodeLocator.getAstNodePath(targetNode),
                segment: { offset: use.name.offset, end: use.name.end, length: use.name.length, range: use.name.range },
                local: document === targetDocument
            }];
        });
        return stream([...linked, ...found]);
    }
}
