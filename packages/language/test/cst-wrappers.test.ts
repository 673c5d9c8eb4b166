import { describe, expect, it } from 'vitest';
import { AstUtils, GrammarUtils, isCompositeCstNode, isReference, type AstNode, type CstNode } from 'langium';
import { alliumServices, type Module } from '../src/index.js';
import { assignedFeature, propertyNode } from '../src/cst-properties.js';
import { isAssignment, isBinaryExpr } from '../src/generated/ast.js';
import { corpusFiles, corpusText } from './corpus-support.js';

const spec = `entity Order {
    total: Decimal
    status: pending | shipped
    weight: base + extra * 2 - discount
    due: when status = shipped and total > 0
}

rule Ship {
    when: order: Order.status becomes shipped
    requires: order.total > 0 or order.weight <= limit
    ensures: order.status = shipped
}

surface Orders {
    facing user: User
    contracts:
        demands Payments
}
`;

function parse(text: string): Module {
    return alliumServices().parser.LangiumParser.parse<Module>(text).value;
}

function* composites(node: CstNode): Generator<CstNode & { content: CstNode[] }> {
    if (isCompositeCstNode(node)) {
        yield node;
        for (const child of node.content) {
            yield* composites(child);
        }
    }
}

/** Whether `node` hangs in the tree below `root`: every container up to it holds it. */
function inTree(node: CstNode, root: CstNode): boolean {
    for (let current = node; current !== root; current = current.container!) {
        if (!current.container || !current.container.content.includes(current)) {
            return false;
        }
    }
    return true;
}

/** The CST nodes an AST node or a Reference points to. */
function pointedTo(module: Module): CstNode[] {
    const nodes: CstNode[] = [];
    for (const node of AstUtils.streamAst(module)) {
        nodes.push(node.$cstNode!);
        for (const value of Object.values(node)) {
            if (isReference(value) && value.$refNode) {
                nodes.push(value.$refNode);
            }
        }
    }
    return nodes;
}

function checkTree(module: Module): void {
    const root = module.$cstNode!;
    const pointed = new Set(pointedTo(module));
    for (const node of composites(root)) {
        const only = node.content.length === 1 ? node.content[0] : undefined;
        // A wrapper: a composite child with no AST node of its own, which no AST node or Reference points to and which assigns nothing.
        const own = only && (only as { _astNode?: AstNode })._astNode;
        const wrapper = only && isCompositeCstNode(only) && own === undefined && !pointed.has(only) && assignedFeature(only) === undefined;
        expect(wrapper, `a wrapper below ${node.astNode.$type} at ${node.offset}`).toBeFalsy();
        for (const child of node.content) {
            expect(child.container).toBe(node);
        }
    }
    for (const cst of pointed) {
        expect(inTree(cst, root), `${cst.astNode.$type} at ${cst.offset}`).toBe(true);
    }
    for (const node of AstUtils.streamAst(module)) {
        expect(node.$cstNode!.astNode).toBe(node);
        expect(propertyNode(node, 'name')).toBe(GrammarUtils.findNodeForProperty(node.$cstNode, 'name'));
    }
}

describe('the CST has no single-child wrapper composites', () => {
    it('collapses the rule-call chain of an expression clause into the clause value', () => {
        const module = parse(spec);
        checkTree(module);
        const weight = AstUtils.streamAst(module).filter(isAssignment).find(clause => clause.name === 'weight')!;
        const value = weight.value as AstNode;
        expect(isBinaryExpr(value)).toBe(true);
        // The clause value held Expression's composite, which held ImpliesExpr's, which held the composite of its one
        // operand; now it holds the operand's (assigned to the infix rule's `parts`, so it stays) directly.
        const cst = value.$cstNode as CstNode & { content: CstNode[] };
        expect(cst.text).toBe('base + extra * 2 - discount');
        const [operand] = cst.content;
        expect(cst.content).toHaveLength(1);
        expect(assignedFeature(operand)).toBe('parts');
        expect((operand as typeof cst).content.map(child => child.text)).toEqual(['base + extra * 2', '-', 'discount']);
        expect(propertyNode(weight, 'value')).toBe(cst);
        expect(propertyNode(weight, 'name')?.text).toBe('weight');
        expect(GrammarUtils.findNodeForKeyword(weight.$cstNode, ':')?.text).toBe(':');
    });

    it('keeps the composite of an assigned cross-reference, its $refNode', () => {
        const module = parse(spec);
        const refs = AstUtils.streamAst(module).flatMap(node => Object.values(node).filter(isReference)).toArray();
        const demands = refs.find(ref => ref.$refText === 'Payments')!;
        expect(isCompositeCstNode(demands.$refNode)).toBe(true);
        expect(demands.$refNode?.text).toBe('Payments');
        expect(inTree(demands.$refNode!, module.$cstNode!)).toBe(true);
    });

    it('keeps every CST node an AST node points to in the tree when operators lack operands', () => {
        for (const expr of ['a + + b', 'a + b *', 'a + (b * ', '1 + 2 * 3 - - 4 / ', 'a and b or', 'x.y + * z', 'a + b * c + ) d']) {
            const module = parse(`entity E {\n    v: ${expr}\n    w: 1\n}\n`);
            for (const cst of pointedTo(module)) {
                expect(inTree(cst, module.$cstNode!), `${expr}: ${cst.astNode.$type} at ${cst.offset}`).toBe(true);
            }
        }
    });

    it('leaves no wrapper in any corpus spec, and every CST node an AST node or Reference points to in the tree', () => {
        for (const file of corpusFiles()) {
            checkTree(parse(corpusText(file)));
        }
    });
});
