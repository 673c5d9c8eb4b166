import { IssueCodes } from '../diagnostics/catalogue.js';
import type { AstNode, LangiumCoreServices, ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import { nodesOf } from '../ast-nodes.js';
import { identName, startsUppercase } from '../ast/ast-views.js';
import { aliasList, declaredTypesAndContracts, importedModules, offeredByMany } from './imported-modules.js';
import { offeredTriggers, subscriptions } from '../ast/triggers.js';

/**
 * An unqualified name that two imported modules both declare, and this module does not, could mean either.
 * Likewise a trigger this module listens for but does not provide or emit, when two imported modules do.
 * Each is reported once, where it is first used, with the qualified spelling that settles it.
 */
export function ambiguousReferenceCheck(services: LangiumCoreServices) {
    return (module: ast.Module, accept: ValidationAcceptor): void => {
        const imports = importedModules(services, module);
        if (imports.length < 2) {
            return;
        }
        const names = offeredByMany(imports, declaredTypesAndContracts);
        const local = declaredTypesAndContracts(module);
        const reported = new Set<string>();
        for (const node of nodesOf(module)) {
            const use = typeNameUse(node);
            const aliases = use && names.get(use.name);
            if (!use || !aliases || local.has(use.name) || reported.has(use.name)) {
                continue;
            }
            reported.add(use.name);
            accept('warning', `'${use.name}' is ambiguous: imported modules ${aliasList(aliases)} both declare it. Qualify it, e.g. '${aliases[0]}/${use.name}', or declare '${use.name}' here.`,
                { node, property: use.property, code: IssueCodes.UseAmbiguousReference });
        }

        const triggers = offeredByMany(imports, offeredTriggers);
        const offeredHere = offeredTriggers(module);
        for (const { rule, trigger } of subscriptions(module)) {
            const aliases = triggers.get(trigger.ref.$refText);
            if (aliases && !offeredHere.has(trigger.ref.$refText)) {
                accept('warning', `'${trigger.ref.$refText}' could be the trigger of imported modules ${aliasList(aliases)} alike, so rule '${rule.name}' is ambiguous. Qualify it, e.g. '${aliases[0]}/${trigger.ref.$refText}'.`,
                    { node: trigger, code: IssueCodes.UseAmbiguousReference });
            }
        }
    };
}

/** The unqualified type or contract name a node uses, if any, and the property that spells it. */
function typeNameUse(node: AstNode): { name: string; property?: string } | undefined {
    const name = identName(node);
    if (name !== undefined) {
        return startsUppercase(name) ? { name } : undefined;
    }
    if (ast.isContractEntry(node) && !node.contract.$refText.includes('/')) {
        return { name: node.contract.$refText, property: 'contract' };
    }
    if (ast.isVariantDecl(node) && !node.base.includes('/')) {
        return { name: node.base, property: 'base' };
    }
    if (ast.isDefaultDecl(node) && node.type && !node.type.includes('/')) {
        return { name: node.type, property: 'type' };
    }
    return undefined;
}
