import { AstUtils, DefaultReferences, GrammarUtils, stream, type AstNode, type CstNode, type FindReferencesOptions, type ReferenceDescription, type Stream } from 'langium';
import type { AlliumLspServices } from '../allium-server-module.js';
import type { FieldUses } from './field-uses.js';
import type { SpecTypes } from '@allium/language';
import { importedDeclaration, isField, isModule, isSignatureReturn, returnTypeNames, type ReturnTypeName } from '@allium/language';

/**
 * Langium's references, plus the places a field is named without a cross-reference of its own: the arguments of
 * `Order.created(status: ...)` and `transitions status`. Linking resolves `order.status` to the field; where it
 * could not (an unresolved receiver), the field is still found from the name at the cursor. A contract signature's
 * return type (`-> Payment`, `-> payments/Payment`) is found by name too, in this file and in the files importing it.
 */
export class AlliumReferences extends DefaultReferences {
    private readonly types: SpecTypes;
    private readonly uses: FieldUses;

    constructor(private readonly services: AlliumLspServices) {
        super(services);
        this.types = services.typing.SpecTypes;
        this.uses = services.analysis.FieldUses;
    }

    override findDeclarations(sourceCstNode: CstNode): AstNode[] {
        const signature = sourceCstNode?.astNode;
        if (isSignatureReturn(signature) && GrammarUtils.findAssignment(sourceCstNode)?.feature === 'field') {
            const type = this.returnType({ projection: signature, name: signature.field, cst: sourceCstNode });
            return type ? [type] : [];
        }
        const linked = super.findDeclarations(sourceCstNode);
        const field = linked.length === 0 && sourceCstNode ? this.types.fieldNamedAt(sourceCstNode) : undefined;
        return field ? [field] : linked;
    }

    override findReferences(targetNode: AstNode, options: FindReferencesOptions): Stream<ReferenceDescription> {
        const linked = super.findReferences(targetNode, options).toArray();
        if (isModule(targetNode.$container)) {
            return stream([...linked, ...this.returnTypeUses(targetNode, options)]);
        }
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

    /** The declaration a signature's return type names: in its own file, or through its import alias. */
    private returnType(use: ReturnTypeName): AstNode | undefined {
        if (use.name.includes('/')) {
            return importedDeclaration(this.services, use.projection, use.name);
        }
        const module = AstUtils.findRootNode(use.projection);
        return isModule(module) ? module.declarations.find(d => 'name' in d && d.name === use.name) : undefined;
    }

    private returnTypeUses(target: AstNode, options: FindReferencesOptions): ReferenceDescription[] {
        const targetDocument = AstUtils.getDocument(target);
        return this.services.shared.workspace.LangiumDocuments.all
            .filter(document => !options.documentUri || document.uri.toString() === options.documentUri.toString())
            .flatMap(document => returnTypeNames(document.parseResult.value))
            .filter(use => this.returnType(use) === target)
            .map(use => {
                const document = AstUtils.getDocument(use.projection);
                return {
                    sourceUri: document.uri,
                    sourcePath: this.nodeLocator.getAstNodePath(use.projection),
                    targetUri: targetDocument.uri,
                    targetPath: this.nodeLocator.getAstNodePath(target),
                    segment: { offset: use.cst.offset, end: use.cst.end, length: use.cst.length, range: use.cst.range },
                    local: document === targetDocument
                };
            }).toArray();
    }
}
