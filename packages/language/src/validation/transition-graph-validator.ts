import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';

/**
 * A state declared `terminal:` is where a lifecycle may end. An edge leaving it is allowed (the language
 * reference's own soft-delete example has one) but is worth a second look, so it is a warning.
 */
export function checkTerminalExits(graph: ast.TransitionsBlock, accept: ValidationAcceptor): void {
    const terminals = new Set(graph.terminals.map(t => t.name));
    for (const edge of graph.edges) {
        if (edge.from && terminals.has(edge.from.name)) {
            accept('warning', `'${edge.from.name}' is declared terminal, yet this edge leaves it. If the lifecycle can go on from '${edge.from.name}', take it out of 'terminal:'; otherwise remove the edge.`,
                { node: edge, code: IssueCodes.TransitionsTerminalExit });
        }
    }
}
