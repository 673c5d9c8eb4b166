import { IssueCodes } from '../diagnostics/catalogue.js';
import type { LangiumCoreServices, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { offeredTriggers, subscriptions } from '../ast/triggers.js';
import { importedModules } from './imported-modules.js';

/**
 * A rule that listens for an external trigger (`when: ShipOrder(order)`) which no surface in this file provides,
 * no rule emits, and no imported module in the workspace provides or emits can only fire from outside the spec.
 */
export function triggerReachabilityCheck(services: LangiumCoreServices) {
    return (module: ast.Module, accept: ValidationAcceptor): void => {
        const offered = offeredTriggers(module);
        for (const { module: imported } of importedModules(services, module)) {
            offeredTriggers(imported).forEach(name => offered.add(name));
        }
        for (const { rule, trigger } of subscriptions(module)) {
            const name = trigger.ref.$refText;
            if (!offered.has(name)) {
                accept('info', `Nothing in this spec makes '${name}' happen, so rule '${rule.name}' only fires from outside. Provide it from a surface (provides:), or emit it from a rule's ensures:.`,
                    { node: trigger, code: IssueCodes.RuleUnreachableTrigger });
            }
        }
    };
}
