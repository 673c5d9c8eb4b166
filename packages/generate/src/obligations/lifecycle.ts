import * as ast from '@allium/language';
import type { Obligation } from './obligation.js';
import { spanOf } from './spans.js';
import { whenStates } from './when-fields.js';

/** Fields present only in some states (`tracking: String when status = shipped`): present exactly then. */
export function presenceObligations(entity: ast.EntityDecl, owner: string): Obligation[] {
    return entity.items.filter(ast.isAssignment).flatMap(field => {
        const when = whenStates(field);
        return when ? [{
            id: `when-presence.${entity.name}.${field.name}`, category: 'when_presence', construct: `${entity.name}.${field.name}`, owner,
            span: spanOf(field),
            description: `${entity.name}.${field.name} is set while ${when.statusField} is ${when.states.join(' or ')}, and empty in every other state`,
            detail: { entity: entity.name, field: field.name, qualifying_states: when.states, status_field: when.statusField }
        }] : [];
    });
}

/** A transition graph: each declared edge can be taken, no other can, and declared terminal states have no way out. */
export function transitionObligations(entity: ast.EntityDecl, block: ast.TransitionsBlock, owner: string): Obligation[] {
    const construct = `${entity.name}.${block.field}`;
    const base = { construct, owner };
    const edges = block.edges.filter(e => e.from?.name && e.to?.name).map((edge): Obligation => ({
        ...base, id: `transition-edge.${entity.name}.${edge.from.name}.${edge.to.name}`, category: 'transition_edge', span: spanOf(edge),
        description: `Some rule moves ${construct} from ${edge.from.name} to ${edge.to.name}`,
        detail: { entity: entity.name, field: block.field, from: edge.from.name, to: edge.to.name }
    }));
    const span = spanOf(block);
    const rejected: Obligation = {
        ...base, id: `transition-rejected.${construct}`, category: 'transition_rejected', span,
        description: `A change of ${construct} along an edge the graph does not declare is refused`
    };
    // Only states declared `terminal:` are promised to be final; a state without outgoing edges may just be unfinished.
    const terminals = block.terminals.map(t => t.name);
    return [...edges, rejected, ...terminals.length === 0 ? [] : [{
        ...base, id: `transition-terminal.${construct}`, category: 'transition_terminal', span,
        description: `Once ${construct} reaches ${terminals.join(' or ')} it never changes again`,
        detail: { entity: entity.name, field: block.field, states: terminals }
    }]];
}
