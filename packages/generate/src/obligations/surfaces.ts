import * as ast from '@allium/language';
import type { Obligation } from './obligation.js';
import { spanOf } from './spans.js';
import { valueItems } from './rule-clauses.js';

/**
 * A surface: only the party it faces reaches it, each `exposes:` shows what it lists, and each `provides:` offers
 * its operations exactly when their guards hold. Clauses inside `for` blocks are per-item and left to those items.
 */
export function surfaceObligations(surface: ast.SurfaceDecl, owner: string): Obligation[] {
    const name = surface.name;
    const base = { construct: name, owner };
    // Every surface has an audience: the party it faces, or anyone when it names none.
    const facing = surface.items.find(i => ast.isBindingClause(i) && i.keyword === 'facing') as ast.BindingClause | undefined;
    const out: Obligation[] = [{
        ...base, id: `surface-actor.${name}`, category: 'surface_actor', span: spanOf(surface),
        description: facing?.value ? `Only ${facing.value.$cstNode?.text} can use ${name}` : `${name} is open to the parties it is meant for and no others`
    }];
    for (const clause of surface.items.filter((i): i is ast.Assignment => ast.isAssignment(i))) {
        if (clause.name === 'provides') {
            out.push({
                ...base, id: `surface-provides.${name}`, category: 'surface_provides', span: spanOf(clause),
                description: `${name} offers each operation of this clause while its guard holds, and hides it otherwise`
            });
        } else if (clause.name === 'exposes') {
            const items = exposedItems(clause.value);
            out.push({
                ...base, id: `surface-exposure.${name}`, category: 'surface_exposure', span: spanOf(clause),
                description: `${name} shows each item this clause exposes`,
                ...items.length > 0 ? { detail: { items, surface: name } } : {}
            });
        }
    }
    return out;
}

/** The field each exposed path ends in: `order.customer.name` gives `name`; bare names expose no field. */
function exposedItems(value: ast.ClauseValue | undefined): string[] {
    return valueItems(value).flatMap(item => {
        const path = ast.isWhenGuard(item) ? item.action : item;
        return ast.isMemberAccess(path) ? [path.member.$refText] : [];
    });
}
