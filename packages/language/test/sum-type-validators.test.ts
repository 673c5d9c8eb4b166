import { describe, expect, it } from 'vitest';
import { parseAllium } from '../src/index.js';

async function lines(text: string, code: string): Promise<number[]> {
    const { diagnostics } = await parseAllium(`-- allium: 3\n${text}`);
    return diagnostics.filter(d => d.code === code).map(d => d.range.start.line + 1);
}

async function found(text: string, code: string): Promise<{ line: number; start: number; end: number; message: string }[]> {
    const { diagnostics } = await parseAllium(`-- allium: 3\n${text}`);
    return diagnostics.filter(d => d.code === code)
        .map(d => ({ line: d.range.start.line + 1, start: d.range.start.character, end: d.range.end.character, message: d.message }));
}

const NODE = `
entity Node {
    path: String
    kind: Branch | Leaf
}

variant Branch : Node {
    children: List<Node?>
}

variant Leaf : Node {
    data: List<Integer>
    log: List<Integer>
}

entity Results {
    size: Integer
}
`;

describe('missing variant keyword', () => {
    it('accepts a variant declared with its keyword', async () => {
        expect(await lines(NODE, 'allium.sum.missingVariantKeyword')).toEqual([]);
    });

    it('reports a variant-shaped declaration without the keyword, on its name', async () => {
        const spec = NODE.replace('variant Leaf : Node {', 'Leaf : Node {');
        const [finding] = await found(spec, 'allium.sum.missingVariantKeyword');
        expect(finding).toMatchObject({ line: 12, start: 0, end: 4 });
        expect(finding.message).toContain("'variant Leaf : Node");
    });

    it('leaves other stray text alone', async () => {
        expect(await lines(`${NODE}\nLeaf Node {\n}\n`, 'allium.sum.missingVariantKeyword')).toEqual([]);
    });
});

describe('missing discriminator', () => {
    it('accepts a base that lists its variants', async () => {
        expect(await lines(NODE, 'allium.sum.missingDiscriminator')).toEqual([]);
    });

    it('reports a base entity none of whose fields lists its variants', async () => {
        const spec = NODE.replace('    kind: Branch | Leaf\n', '');
        const [finding] = await found(spec, 'allium.sum.missingDiscriminator');
        expect(finding).toMatchObject({ line: 3, start: 7, end: 11 });
        expect(finding.message).toContain("'kind: Branch | Leaf'");
    });

    it('leaves a discriminator that misses a variant to variantMissingInDiscriminator', async () => {
        const spec = NODE.replace('kind: Branch | Leaf', 'kind: Branch | Trunk') + '\nvariant Trunk : Node {\n    rings: Integer\n}\n';
        expect(await lines(spec, 'allium.sum.missingDiscriminator')).toEqual([]);
        expect(await lines(spec, 'allium.sum.variantMissingInDiscriminator')).toEqual([12]);
    });
});

describe('unguarded variant field access', () => {
    const code = 'allium.sum.unguardedVariantFieldAccess';

    it('reports a variant-only field read on a base-typed binding, on the field name', async () => {
        const spec = `${NODE}
rule Measure {
    when: node: Node.created
    ensures: Results.created(size: node.children.count)
}
`;
        const [finding] = await found(spec, code);
        expect(finding).toMatchObject({ line: 23, start: 40, end: 48 });
        expect(finding.message).toContain("'requires: node.kind = Branch'");
    });

    it('accepts the access in a loop whose where names the discriminator, and reports it in a loop that does not', async () => {
        const spec = `${NODE}
entity Tree {
    nodes: List<Node>
}

rule Count {
    when: CountLeaves(tree)
    ensures:
        for leaf in tree.nodes where kind = Leaf:
            Results.created(size: leaf.data.count)
}
`;
        expect(await lines(spec, code)).toEqual([]);
        expect(await lines(spec.replace(' where kind = Leaf', ' where path != ""'), code)).toEqual([29]);
    });

    it('accepts the access under a requires guard', async () => {
        const spec = `${NODE}
rule ProcessLeaf {
    when: node: Node.created
    requires: node.kind = Leaf
    ensures: Results.created(size: (node.data + node.log).count)
}
`;
        expect(await lines(spec, code)).toEqual([]);
    });

    it('accepts the access in the branches of an if on the discriminator, else included', async () => {
        const spec = `${NODE}
rule ProcessNode {
    when: ProcessNode(node)
    ensures:
        if node.kind = Branch:
            for child in node.children: ProcessNode(child)
        else:
            Results.created(size: (node.data + node.log).count)
}
`;
        expect(await lines(spec, code)).toEqual([]);
    });

    it('reports the access outside the if that narrows', async () => {
        const spec = `${NODE}
rule ProcessNode {
    when: ProcessNode(node)
    ensures:
        if node.kind = Branch:
            for child in node.children: ProcessNode(child)
        Results.created(size: node.data.count)
}
`;
        expect(await lines(spec, code)).toEqual([26]);
    });

    it('accepts a discriminator test joined to the access by and', async () => {
        const spec = `${NODE}
rule Prune {
    when: node: Node.created
    ensures:
        if node.kind = Branch and node.children.count = 0:
            Results.created(size: 0)
}
`;
        expect(await lines(spec, code)).toEqual([]);
    });

    it('accepts a binding already typed as the variant, and one of unknown type', async () => {
        const spec = `${NODE}
rule Typed {
    when: branch: Branch.created
    ensures: Results.created(size: branch.children.count)
}

rule Unknown {
    when: Inspect(thing)
    ensures: Results.created(size: thing.children.count)
}
`;
        expect(await lines(spec, code)).toEqual([]);
    });

    it('accepts fields of the base and fields every variant declares', async () => {
        const spec = NODE.replace('children: List<Node?>', 'children: List<Node?>\n    weight: Integer').replace('log: List<Integer>', 'log: List<Integer>\n    weight: Integer') + `
rule Weigh {
    when: node: Node.created
    ensures: Results.created(size: node.weight + node.path.length)
}
`;
        expect(await lines(spec, code)).toEqual([]);
    });

    it('treats a trigger on the discriminator as a guard', async () => {
        const spec = `${NODE}
rule Grown {
    when: node: Node.kind becomes Branch
    ensures: Results.created(size: node.children.count)
}
`;
        expect(await lines(spec, code)).toEqual([]);
    });
});
