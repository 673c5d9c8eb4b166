import { isReference, type AstNode, type CstNode, type ParseResult } from 'langium';

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
export function random(seed: number): () => number {
    return () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed / 0x7fffffff;
    };
}

/** Everything of a tree a later phase can read: every CST node with its position, and every AST node with its values. */
export function dump(result: ParseResult<AstNode>): string {
    const lines: string[] = [];
    const cst = (node: CstNode, depth: number): void => {
        const { start, end } = node.range;
        const own = (node as { _astNode?: AstNode })._astNode?.$type ?? '';
        lines.push(`${' '.repeat(depth)}${node.offset}+${node.length} ${start.line}:${start.character}-${end.line}:${end.character} ${node.hidden} ${own} ${'content' in node ? '' : node.text}`);
        for (const child of (node as { content?: CstNode[] }).content ?? []) {
            if (child.container !== node) {
                lines.push('(the next node has another container)');
            }
            cst(child, depth + 1);
        }
    };
    cst(result.value.$cstNode!, 0);
    const ast = (node: AstNode, depth: number): void => {
        const values = Object.entries(node).filter(([key]) => !key.startsWith('$')).map(([key, value]) => {
            if (isReference(value)) {
                return `${key}=@${value.$refText}`;
            }
            return typeof value === 'object' && value !== null ? key : `${key}=${JSON.stringify(value)}`;
        });
        lines.push(`${' '.repeat(depth)}${node.$type} ${node.$containerProperty ?? ''}[${node.$containerIndex ?? ''}] ${node.$cstNode?.offset}-${node.$cstNode?.end} ${values.join(' ')}`);
        for (const value of Object.values(node)) {
            for (const child of Array.isArray(value) ? value : [value]) {
                if (typeof child === 'object' && child !== null && typeof (child as AstNode).$type === 'string' && (child as AstNode).$container === node) {
                    ast(child as AstNode, depth + 1);
                }
            }
        }
    };
    ast(result.value, 0);
    return lines.join('\n') + `\nerrors ${result.lexerErrors.length} ${result.parserErrors.length}`;
}
