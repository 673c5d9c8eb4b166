import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, isMultiReference, isReference, type AstNode, type LeafCstNode, type ParseResult, type ReferenceInfo } from 'langium';
import { createAlliumCoreServices, nodesOf, referencesOf, type Module } from '../src/index.js';
import { spliceDeclarations } from '../src/declaration-splice.js';
import { corpusText } from './corpus-support.js';

/** Every node in document order, walked afresh: what `nodesOf` must list. */
function walk(node: AstNode, out: AstNode[] = []): AstNode[] {
    out.push(node);
    for (const key in node) {
        if (key.startsWith('$')) {
            continue;
        }
        const value = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(value) ? value : [value]) {
            if (typeof item === 'object' && item !== null && typeof (item as AstNode).$type === 'string') {
                walk(item as AstNode, out);
            }
        }
    }
    return out;
}

/** Every reference in document order, found afresh: what `referencesOf` must list. */
function references(root: AstNode): ReferenceInfo[] {
    return walk(root).flatMap(node => Object.entries(node).filter(([key]) => !key.startsWith('$')).flatMap(([property, value]): ReferenceInfo[] => {
        if (isReference(value) || isMultiReference(value)) {
            return [{ reference: value, container: node, property }];
        }
        return Array.isArray(value)
            ? value.flatMap((item, index) => isReference(item) || isMultiReference(item) ? [{ reference: item, container: node, property, index }] : [])
            : [];
    }));
}

function leaves(result: ParseResult<AstNode>): string[] {
    const out: string[] = [];
    const visit = (node: { content?: unknown[] } & Partial<LeafCstNode>): void => {
        if (node.content) {
            node.content.forEach(child => visit(child as typeof node));
        } else {
            out.push(`${node.offset} ${node.range!.start.line}:${node.range!.start.character} ${node.text}`);
        }
    };
    visit(result.value.$cstNode as never);
    return out;
}

describe('listings of a spliced tree', () => {
    const parser = createAlliumCoreServices(EmptyFileSystem).Allium.parser.LangiumParser;
    const text = corpusText('synthetic/big-3k.allium');

    it('list the nodes and references a fresh walk finds, keeping the kept declarations\' listings', () => {
        let previous = parser.parse<Module>(text);
        let current = text;
        for (let i = 1; i <= 6; i++) {
            // Listed as a build lists them, before the next keystroke: the module's nodes, then its references.
            nodesOf(previous.value);
            const before = referencesOf(previous.value);
            const kept = previous.value.declarations[previous.value.declarations.length - 1];
            const inKept = new Set(nodesOf(kept));
            const keptBefore = before.filter(info => inKept.has(info.container));
            const edited = current.replace('-- Unit 27', `-- Unit 27${'x'.repeat(i)}`);
            const spliced = spliceDeclarations(previous, edited, parser)!;
            expect(spliced, `keystroke ${i}`).toBeDefined();
            const module = spliced.value;
            const walked = walk(module);
            expect(nodesOf(module).length).toBe(walked.length);
            expect(nodesOf(module).every((node, at) => node === walked[at])).toBe(true);
            const listed = referencesOf(module);
            const found = references(module);
            expect(listed.length).toBe(found.length);
            expect(listed.every((info, at) => info.reference === found[at].reference && info.container === found[at].container
                && info.property === found[at].property && info.index === found[at].index)).toBe(true);
            // A declaration behind the edit is not listed again: its entries are the very objects listed before.
            const keptAfter = listed.filter(info => inKept.has(info.container));
            expect(keptAfter.length).toBeGreaterThan(0);
            expect(keptAfter.every((info, at) => info === keptBefore[at])).toBe(true);
            // A subtree of a kept declaration is sliced from the new listing at its new position.
            const inner = walk(kept)[3];
            const walkedInner = walk(inner);
            expect(nodesOf(inner).length).toBe(walkedInner.length);
            expect(nodesOf(inner).every((node, at) => node === walkedInner[at])).toBe(true);
            previous = spliced;
            current = edited;
        }
    });

    it('finds the changed text wherever it lies against the 256-character chunks compared first', () => {
        let spliced = 0;
        let edits = 0;
        for (const chunk of [1, 40, 200]) {
            for (const at of [chunk * 256 - 1, chunk * 256, chunk * 256 + 1]) {
                // A character typed that far from the start of the text, and as far from its end.
                for (const offset of [at, text.length - at]) {
                    const edited = text.slice(0, offset) + 'x' + text.slice(offset);
                    const result = spliceDeclarations(parser.parse<Module>(text), edited, parser);
                    edits++;
                    if (result) {
                        spliced++;
                        expect(leaves(result), `offset ${offset}`).toEqual(leaves(parser.parse<Module>(edited)));
                    }
                }
            }
        }
        expect(spliced).toBeGreaterThan(edits / 2);
    });
});
