import { isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';

const listed = new WeakMap<AstNode, readonly AstNode[]>();

/**
 * `root` and every node below it in document order, listed once per parse. Scope computation, validation
 * and several validators walk the same trees; Langium's generator-based `streamAst` costs more than the
 * work done per node on large specs.
 */
export function nodesOf(root: AstNode): readonly AstNode[] {
    let nodes = listed.get(root);
    if (!nodes) {
        const out: AstNode[] = [];
        collect(root, out);
        listed.set(root, nodes = out);
    }
    return nodes;
}

function collect(node: AstNode, out: AstNode[]): void {
    out.push(node);
    for (const key in node) {
        if (key.charCodeAt(0) === 36 /* $ */) {
            continue;
        }
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isNode(item)) {
                    collect(item, out);
                }
            }
        } else if (isNode(value)) {
            collect(value, out);
        }
    }
}

/** References carry no `$type`, so they are not mistaken for contained nodes. */
function isNode(value: unknown): value is AstNode {
    return typeof value === 'object' && value !== null && typeof (value as AstNode).$type === 'string';
}

const referenced = new WeakMap<AstNode, readonly ReferenceInfo[]>();

/** Every cross-reference in `root`'s tree, listed once per parse for the linker and the reference index. */
export function referencesOf(root: AstNode): readonly ReferenceInfo[] {
    let references = referenced.get(root);
    if (!references) {
        const out: ReferenceInfo[] = [];
        for (const node of nodesOf(root)) {
            for (const property in node) {
                if (property.charCodeAt(0) === 36 /* $ */) {
                    continue;
                }
                const value = (node as unknown as Record<string, unknown>)[property];
                if (isReference(value) || isMultiReference(value)) {
                    out.push({ reference: value, container: node, property });
                } else if (Array.isArray(value)) {
                    value.forEach((item, index) => {
                        if (isReference(item) || isMultiReference(item)) {
                            out.push({ reference: item, container: node, property, index });
                        }
                    });
                }
            }
        }
        referenced.set(root, references = out);
    }
    return references;
}
