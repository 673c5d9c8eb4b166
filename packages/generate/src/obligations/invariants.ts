import * as ast from '@allium/language';
import type { Obligation } from './obligation.js';
import { spanOf, textOf } from './spans.js';

/** An invariant, of an entity (`invariant.Order.Name`) or of the whole spec (`invariant.Name`). */
export function invariantObligation(invariant: ast.EntityInvariant | ast.InvariantDecl, owner: string, entity?: string): Obligation {
    const construct = entity ? `${entity}.${invariant.name}` : invariant.name;
    const body = invariant.body;
    return {
        id: `invariant.${construct}`, category: 'invariant', construct, owner, span: spanOf(invariant),
        description: entity
            ? `${invariant.name} holds for every ${entity} after any change to it`
            : `${invariant.name} holds after every rule that changes the records it constrains`,
        expression: body.length > 0 ? textOf(body[0], body[body.length - 1]) : ''
    };
}
