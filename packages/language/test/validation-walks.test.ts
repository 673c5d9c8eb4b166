import { AstUtils, EmptyFileSystem, type AstNode, type ValidationAcceptor } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import { createAlliumCoreServices } from '../src/allium-module.js';
import { declarationOf, forEachNode, nodesOf, nodesOfType } from '../src/ast-nodes.js';
import { clausesOf, fieldsOf } from '../src/ast/ast-views.js';
import * as ast from '../src/generated/ast.js';
import { parseAllium } from '../src/parse.js';

const SPEC = `-- allium: 3
entity Order {
    status: pending | paid
    total: Integer
}

rule Pay {
    when: order: Order.created
    requires: order.status = pending
    ensures:
        order.status = paid
        order.total = order.total + 1
}
`;

async function parsed() {
    const { document } = await parseAllium(SPEC);
    const module = document.parseResult.value;
    return { module, rule: module.declarations.find(ast.isRuleDecl)!, entity: module.declarations.find(ast.isEntityDecl)! };
}

describe('the shared walks of the file-wide checks', () => {
    it('forEachNode visits a subtree in document order, in place in its tree\'s listing or without one', async () => {
        const { module, rule } = await parsed();
        const visited: AstNode[] = [];
        forEachNode(rule, node => visited.push(node));
        expect(visited).toEqual(AstUtils.streamAst(rule).toArray());
        nodesOf(module);
        const inListing: AstNode[] = [];
        forEachNode(rule, node => inListing.push(node));
        expect(inListing).toEqual(visited);
    });

    it('declarationOf finds the declaration a node is in, and none for the module', async () => {
        const { module, rule } = await parsed();
        const access = nodesOfType<ast.MemberAccess>(module, ast.MemberAccess.$type)[0];
        expect(declarationOf(access)).toBe(rule);
        expect(declarationOf(rule)).toBe(rule);
        expect(declarationOf(module)).toBeUndefined();
    });

    it('nodesOfType lists each type in document order, and nothing for a type the tree lacks', async () => {
        const { module } = await parsed();
        for (const type of [ast.NameRef.$type, ast.MemberAccess.$type, ast.BinaryExpr.$type]) {
            expect(nodesOfType(module, type)).toEqual(AstUtils.streamAst(module).filter(n => n.$type === type).toArray());
        }
        expect(nodesOfType(module, ast.ContractEntry.$type)).toEqual([]);
    });

    it('clausesOf and fieldsOf read a block once and hand every check the same reading', async () => {
        const { rule, entity } = await parsed();
        const clauses = clausesOf(rule.items);
        expect(clauses.map(c => c.keyword)).toEqual(['when', 'requires', 'ensures']);
        expect(clausesOf(rule.items)).toBe(clauses);
        expect(fieldsOf(entity.items).map(f => f.name)).toEqual(['status', 'total']);
        expect(fieldsOf(entity.items)).toBe(fieldsOf(entity.items));
    });
});

describe('the validation registry', () => {
    it('calls a synchronous check directly, awaits an asynchronous one, and reports what a check throws as Langium does', async () => {
        // Langium logs what a check throws; the test reads it from the diagnostics instead.
        const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const services = createAlliumCoreServices(EmptyFileSystem).Allium;
        const order: string[] = [];
        services.validation.ValidationRegistry.register({
            EntityDecl: [
                async (entity: ast.EntityDecl, accept: ValidationAcceptor) => {
                    await Promise.resolve();
                    order.push('async');
                    accept('info', `async ${entity.name}`, { node: entity });
                },
                (entity: ast.EntityDecl, accept: ValidationAcceptor) => {
                    order.push('sync');
                    accept('info', `sync ${entity.name}`, { node: entity });
                },
                () => {
                    throw new Error('boom');
                }
            ]
        });
        const checks = services.validation.ValidationRegistry.getChecks(ast.EntityDecl.$type).toArray();
        const { diagnostics } = await parseAllium(SPEC, undefined, services);
        expect(order).toEqual(['async', 'sync']);
        const messages = diagnostics.map(d => d.message);
        expect(messages.indexOf('async Order')).toBeLessThan(messages.indexOf('sync Order'));
        expect(messages).toContain('An error occurred during validation: boom');

        const { document } = await parseAllium(SPEC, undefined, services);
        const entity = document.parseResult.value.declarations.find(ast.isEntityDecl)!;
        const accepted: string[] = [];
        const acceptor: ValidationAcceptor = (_severity, message) => accepted.push(message);
        const results = checks.slice(-2).map(check => check(entity, acceptor));
        expect(results).toEqual([undefined, expect.any(Promise)]);
        await results[1];
        expect(accepted).toEqual(['sync Order', 'An error occurred during validation: boom']);
        logged.mockRestore();
    });
});

describe('the type guards of types without subtypes', () => {
    it('compare the node\'s type by name, and still look up the abstract types', async () => {
        const { module } = await parsed();
        const sum = nodesOfType<ast.BinaryExpr>(module, ast.BinaryExpr.$type)[0];
        const reflection = ast.reflection as unknown as { subtypes: Record<string, Record<string, boolean>> };
        const cache = reflection.subtypes;
        let lookups = 0;
        reflection.subtypes = new Proxy(cache, { get: (target, key) => (lookups++, target[key as string]) });
        try {
            expect(ast.isNameRef(sum)).toBe(false);
            expect(ast.isBinaryExpr(sum)).toBe(true);
            // Langium's isSubtype reads its cache of pairs for every guard; the comparison by name needs none.
            expect(lookups).toBe(0);
            expect(ast.isExpression(sum)).toBe(true);
            expect(lookups).toBeGreaterThan(0);
        } finally {
            reflection.subtypes = cache;
        }
        expect(ast.isDeclaration(sum)).toBe(false);
        expect(ast.isDeclaration(module.declarations[0])).toBe(true);
    });
});
