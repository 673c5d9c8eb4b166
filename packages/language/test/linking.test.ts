import { AstUtils, EmptyFileSystem, URI, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { createAlliumCoreServices, isMemberAccess, isNameRef, type Module } from '../src/index.js';

const SPEC = `-- allium: 3
enum Priority { low high }

given {
    desk: Customer
}

surface Support {
    context account: Customer
    exposes:
        account.email
}

config {
    retry_limit: Integer = 3
}

entity Customer {
    email: String
    tier: Priority
}

entity Order {
    customer: Customer
    status: pending | shipped
    urgency: Priority
}

rule Ship {
    when: ShipOrder(order, customer)
    requires: order.urgency = high
    requires: order.status = pending
    requires: order.customer.tier in {low, high}
    requires: order.urgency not in {low}
    requires: config.retry_limit > 0
    ensures: order.customer.email = customer.email
}

rule Count {
    when: Tick()
    let urgent = Orders where urgency = high
    ensures: Report(urgent, desk.tier)
}
`;

async function linked(): Promise<AstNode[]> {
    const { shared } = createAlliumCoreServices(EmptyFileSystem);
    const document = shared.workspace.LangiumDocumentFactory.fromString<Module>(SPEC, URI.parse('file:///ws/orders.allium'));
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return AstUtils.streamAst(document.parseResult.value).toArray();
}

/** The 1-based line of SPEC that contains `snippet`. */
function lineOf(snippet: string, text = SPEC): number {
    return text.split('\n').findIndex(l => l.includes(snippet)) + 1;
}

/** `Owner.target` for every reference written as `text` on `line` (1-based), in order; `unresolved` if it has none. */
function targets(nodes: AstNode[], line: number, text: string): string[] {
    return nodes.flatMap(node => {
        const reference = isMemberAccess(node) ? node.member : isNameRef(node) ? node.ref : undefined;
        if (!reference || reference.$refText !== text || reference.$refNode?.range.start.line !== line - 1) {
            return [];
        }
        const target = reference.ref as (AstNode & { name?: string }) | undefined;
        const owner = target?.$container as (AstNode & { name?: string }) | undefined;
        return [target ? `${owner?.name ?? owner?.$type}.${target.name}` : 'unresolved'];
    });
}

describe('linking', () => {
    it('resolves members through navigation chains, by what the receiver denotes', async () => {
        const nodes = await linked();
        const ensures = lineOf('ensures: order.customer.email');
        expect(targets(nodes, ensures, 'email')).toEqual(['Customer.email', 'Customer.email']);
        expect(targets(nodes, lineOf('order.customer.tier in'), 'tier')).toEqual(['Customer.tier']);
    });

    it('never links a member to a local of the same name', async () => {
        const nodes = await linked();
        // `order.customer`: the field, not the trigger parameter `customer`.
        const ensures = lineOf('ensures: order.customer.email');
        const [member, parameter] = targets(nodes, ensures, 'customer');
        expect(member).toBe('Order.customer');
        expect(parameter).not.toBe('Order.customer');
    });

    it('resolves enum literals by the type the comparison expects', async () => {
        const nodes = await linked();
        expect(targets(nodes, lineOf('order.urgency = high'), 'high')).toEqual(['Priority.high']);
        expect(targets(nodes, lineOf('order.customer.tier in'), 'low')).toEqual(['Priority.low']);
        expect(targets(nodes, lineOf('order.urgency not in'), 'low')).toEqual(['Priority.low']);
    });

    it('links an inline enum literal to where the field declares it', async () => {
        const nodes = await linked();
        const literal = nodes.filter(isNameRef).find(n => n.ref.$refText === 'pending' && n.$cstNode?.range.start.line === lineOf('order.status = pending') - 1);
        const target = literal?.ref.ref;
        expect(target?.$cstNode?.range.start.line).toBe(lineOf('status: pending | shipped') - 1);
        expect(target?.$cstNode?.text).toBe('pending');
    });

    it('resolves config parameters and names in a where condition', async () => {
        const nodes = await linked();
        expect(targets(nodes, lineOf('config.retry_limit'), 'retry_limit')).toEqual(['ConfigDecl.retry_limit']);
        expect(targets(nodes, lineOf('Orders where'), 'urgency')).toEqual(['Order.urgency']);
        expect(targets(nodes, lineOf('Orders where'), 'high')).toEqual(['Priority.high']);
    });

    it('resolves given bindings in every rule, and surface bindings in their surface', async () => {
        const nodes = await linked();
        expect(targets(nodes, lineOf('ensures: Report(urgent, desk.tier)'), 'desk')).toEqual(['GivenDecl.desk']);
        expect(targets(nodes, lineOf('ensures: Report(urgent, desk.tier)'), 'tier')).toEqual(['Customer.tier']);
        expect(targets(nodes, lineOf('account.email'), 'account')).toEqual(['Support.account']);
    });

    it('leaves a member unresolved when nothing says what the receiver is', async () => {
        const { shared } = createAlliumCoreServices(EmptyFileSystem);
        const document = shared.workspace.LangiumDocumentFactory.fromString<Module>(`-- allium: 3
rule R {
    when: Happened(thing)
    ensures: thing.mystery = 1
}
`, URI.parse('file:///ws/unknown.allium'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        expect(targets(AstUtils.streamAst(document.parseResult.value).toArray(), 4, 'mystery')).toEqual(['unresolved']);
    });
});
