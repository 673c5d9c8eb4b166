import * as ast from '@allium/language';
import { declarationId } from '../spec-clauses.js';
import { configObligations } from './config.js';
import { contractObligations } from './contracts.js';
import { fieldObligations } from './fields.js';
import { invariantObligation } from './invariants.js';
import { presenceObligations, transitionObligations } from './lifecycle.js';
import type { Obligation } from './obligation.js';
import { ruleObligations } from './rules.js';
import { surfaceObligations } from './surfaces.js';
import { typeObligations } from './type-declarations.js';
import { whenTransitionObligations } from './when-fields.js';

export type { Obligation, RuleDependencies } from './obligation.js';

export interface ObligationOptions {
    /**
     * What each rule touches, as `allium plan` lists it (`Obligation.dependencies`). Only the plan shows it, and it is
     * most of the cost: the editor works the obligations out again on every keystroke to check tests against them.
     */
    dependencies?: boolean;
}

/**
 * The test obligations a spec implies, in the order `allium plan` lists them: declaration by declaration in source
 * order, then the obligations on rules that move an entity into or out of the states a `when` field exists in.
 * `services` are the language services the module was built with, for rules that need what a field's type is
 * (`services.typing.SpecTypes`). None does yet: the reference's rules, which these follow, read only the file's own
 * declarations and names (see `entityOf`), never the files it imports.
 */
export function obligationsOf(module: ast.Module, _services: ast.AlliumServices, options: ObligationOptions = {}): Obligation[] {
    const out: Obligation[] = [];
    for (const declaration of module.declarations) {
        const owner = declarationId(declaration);
        if (owner) {
            out.push(...declarationObligations(declaration, owner, options));
        }
    }
    for (const rule of module.declarations.filter(ast.isRuleDecl)) {
        out.push(...whenTransitionObligations(rule, declarationId(rule)!));
    }
    return out;
}

function declarationObligations(declaration: ast.Module['declarations'][number], owner: string, options: ObligationOptions): Obligation[] {
    if (ast.isConfigDecl(declaration)) {
        return configObligations(declaration, owner);
    }
    if (ast.isEntityDecl(declaration)) {
        return [
            ...presenceObligations(declaration, owner),
            ...declaration.items.flatMap(item => ast.isTransitionsBlock(item) ? transitionObligations(declaration, item, owner)
                : ast.isEntityInvariant(item) ? [invariantObligation(item, owner, declaration.name)] : []),
            ...fieldObligations(declaration, owner)
        ];
    }
    if (ast.isValueDecl(declaration)) {
        return [...typeObligations(declaration, owner), ...fieldObligations(declaration, owner)];
    }
    if (ast.isEnumDecl(declaration) || ast.isVariantDecl(declaration)) {
        return typeObligations(declaration, owner);
    }
    if (ast.isRuleDecl(declaration)) {
        return ruleObligations(declaration, owner, options.dependencies ?? false);
    }
    if (ast.isInvariantDecl(declaration)) {
        return [invariantObligation(declaration, owner)];
    }
    if (ast.isSurfaceDecl(declaration)) {
        return surfaceObligations(declaration, owner);
    }
    return ast.isContractDecl(declaration) ? contractObligations(declaration, owner) : [];
}
