import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOf } from '../ast-nodes.js';
import { blocks, clausesOf, identName } from '../ast/ast-views.js';
import { providedTriggers, subscriptions } from '../ast/triggers.js';

/** An actor no surface of the file faces is declared for nothing. */
export function checkUnusedActors(module: ast.Module, accept: ValidationAcceptor): void {
    const faced = new Set<string>();
    for (const surface of blocks(module, ast.isSurfaceDecl)) {
        for (const binding of surface.items.filter(ast.isBindingClause).filter(b => b.keyword === 'facing')) {
            nodesOf(binding).forEach(node => {
                const name = identName(node);
                if (name) {
                    faced.add(name);
                }
            });
        }
    }
    for (const actor of blocks(module, ast.isActorDecl).filter(a => !faced.has(a.name))) {
        accept('info', `Actor '${actor.name}' is not faced by any surface in this file. Use it in a surface's 'facing', or remove it.`,
            { node: actor, property: 'name', code: IssueCodes.ActorUnused });
    }
}

/** What a surface `provides:` must be a trigger some rule of the file listens for. */
export function checkProvidedTriggers(module: ast.Module, accept: ValidationAcceptor): void {
    const listened = new Set(subscriptions(module).map(s => s.trigger.ref.$refText));
    for (const surface of blocks(module, ast.isSurfaceDecl)) {
        for (const clause of clausesOf(surface.items).filter(c => c.keyword === 'provides')) {
            for (const trigger of clause.value.flatMap(node => providedTriggers(node))) {
                if (!listened.has(trigger.ref.$refText)) {
                    accept('error', `Surface '${surface.name}' provides '${trigger.ref.$refText}', but no rule listens for it. Add a rule with 'when: ${trigger.ref.$refText}(...)', or fix the name.`,
                        { node: trigger, code: IssueCodes.SurfaceUndefinedProvidesTrigger });
                }
            }
        }
    }
}
