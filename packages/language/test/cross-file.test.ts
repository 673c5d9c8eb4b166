import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { createAlliumCoreServices, type Module, type NameRef } from '../src/index.js';
import { AstUtils } from 'langium';

const PAYMENTS = `-- allium: 3
entity Payment {
    amount: Decimal
}
`;

const ORDERS = `-- allium: 3
use "./payments.allium" as payments

entity Order {
    payment: payments/Payment
}
`;

describe('specs joined by use', () => {
    it('resolves a qualified name into the imported file, and reports it when the imported entity is renamed', async () => {
        const { shared } = createAlliumCoreServices(EmptyFileSystem);
        const factory = shared.workspace.LangiumDocumentFactory;
        const documents = shared.workspace.LangiumDocuments;
        const paymentsUri = URI.parse('file:///ws/payments.allium');
        const ordersUri = URI.parse('file:///ws/orders.allium');
        documents.addDocument(factory.fromString(PAYMENTS, paymentsUri));
        const orders = factory.fromString<Module>(ORDERS, ordersUri);
        documents.addDocument(orders);
        await shared.workspace.DocumentBuilder.build(documents.all.toArray(), { validation: true });

        const reference = AstUtils.streamAst(orders.parseResult.value).find((n): n is NameRef => n.$type === 'NameRef')!;
        expect(reference.ref.$refText).toBe('payments/Payment');
        expect(reference.ref.ref?.$type).toBe('EntityDecl');
        expect(AstUtils.getDocument(reference.ref.ref!).uri.toString()).toBe(paymentsUri.toString());
        expect(codes(orders)).not.toContain('allium.reference.unknownName');

        // Rename the entity in payments.allium only; orders.allium now names something that does not exist.
        const renamed = factory.fromString(PAYMENTS.replace('entity Payment', 'entity Charge'), paymentsUri);
        documents.deleteDocument(paymentsUri);
        documents.addDocument(renamed);
        // As after an edit: the importer is relinked and revalidated against the new content.
        shared.workspace.DocumentBuilder.resetToState(orders, DocumentState.Parsed);
        await shared.workspace.DocumentBuilder.build([renamed, orders], { validation: true });
        const ordersAfter = documents.getDocument(ordersUri)!;
        const unknown = ordersAfter.diagnostics!.filter(d => d.code === 'allium.reference.unknownName');
        expect(unknown).toHaveLength(1);
        expect(unknown[0].range.start.line).toBe(4);
        expect(unknown[0].message).toContain("'payments/Payment'");
    });
});

function codes(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => String(d.code));
}
