import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import type { AlliumServices } from '../allium-module.js';
import * as ast from '../generated/ast.js';
import { offeredTriggers, subscriptions } from '../ast/triggers.js';
import { importedModules } from './imported-modules.js';

/** What an unreachable-trigger finding carries: whether a file importing this one makes the trigger happen. */
export interface UnreachableTriggerData {
    trigger: string;
    offeredByImporter: boolean;
}

/**
 * A rule that listens for an external trigger (`when: ShipOrder(order)`) which no surface in this file provides,
 * no rule emits, and no imported module in the workspace provides or emits can only fire from outside the spec.
 * As in the reference, files importing this one do not count; the finding says whether one of them offers the
 * trigger, so that the editor's strict mode, which counts them, can leave it out.
 */
export function triggerReachabilityCheck(services: AlliumServices) {
    const importers = services.validation.ImporterUses;
    return (module: ast.Module, accept: ValidationAcceptor): void => {
        const byImporters = importers.of(module).triggers;
        const offered = offeredTriggers(module);
        for (const { module: imported } of importedModules(services, module)) {
            offeredTriggers(imported).forEach(name => offered.add(name));
        }
        for (const { rule, trigger } of subscriptions(module)) {
            const name = trigger.ref.$refText;
            if (!offered.has(name)) {
                accept('info', `Nothing in this spec makes '${name}' happen, so rule '${rule.name}' only fires from outside. Provide it from a surface (provides:), or emit it from a rule's ensures:.`,
                    { node: trigger, code: IssueCodes.RuleUnreachableTrigger, data: { trigger: name, offeredByImporter: byImporters.has(name) } satisfies UnreachableTriggerData });
            }
        }
    };
}
