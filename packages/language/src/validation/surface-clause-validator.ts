import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import * as ast from '../generated/ast.js';
import type { AlliumServices } from '../allium-module.js';
import type { TypeDecl } from '../typing/spec-nodes.js';
import { blocks, clausesOf, identName } from '../ast/ast-views.js';
import { isTemporalComparison } from '../ast/type-expressions.js';

/**
 * What a surface's `timeout:` and `related:` clauses point at must fit: a timeout names a rule with a temporal
 * trigger, and a related surface is opened on a value of the type that surface's `context` binds.
 */
export function surfaceClauseCheck(services: AlliumServices) {
    return (module: ast.Module, accept: ValidationAcceptor): void => {
        const rules = new Map(blocks(module, ast.isRuleDecl).map(r => [r.name, r]));
        const surfaces = new Map(blocks(module, ast.isSurfaceDecl).map(s => [s.name, s]));
        const types = services.typing.SpecTypes;
        for (const surface of surfaces.values()) {
            for (const clause of clausesOf(surface.items)) {
                if (clause.keyword === 'timeout') {
                    for (const name of clause.value.map(v => (ast.isWhenGuard(v) ? v.action : v)).filter(ast.isNameRef)) {
                        checkTimeout(surface, name, rules, accept);
                    }
                } else if (clause.keyword === 'related') {
                    for (const call of clause.value.map(v => (ast.isWhenGuard(v) ? v.action : v)).filter(ast.isCall)) {
                        const target = surfaces.get(identName(call.callee) ?? '');
                        const expected = target && contextType(target, types);
                        const argument = call.args[0]?.value;
                        const given = argument && types.denote(argument);
                        if (expected && given && given.kind === 'instance' && !fits(given.type, expected, types)) {
                            accept('warning', `Surface '${target!.name}' is opened on ${article(expected.name)} ${expected.name} (its context), but this passes ${article(given.type.name)} ${given.type.name}. Pass the ${expected.name}.`,
                                { node: argument, code: IssueCodes.SurfaceRelatedContextMismatch });
                        }
                    }
                }
            }
        }
    };
}

function checkTimeout(surface: ast.SurfaceDecl, name: ast.NameRef, rules: Map<string, ast.RuleDecl>, accept: ValidationAcceptor): void {
    const rule = rules.get(name.ref.$refText);
    if (!rule) {
        accept('error', `Surface '${surface.name}' times out with '${name.ref.$refText}', which is not a rule of this file. Name a rule with a temporal trigger.`,
            { node: name, code: IssueCodes.SurfaceTimeoutUndefined });
    } else if (!rule.items.filter(ast.isTriggerClause).some(t => isTemporalComparison(t.trigger?.expr))) {
        accept('error', `Surface '${surface.name}' times out with rule '${rule.name}', whose trigger is not temporal. A timeout names a rule triggered by time ('when: x: X.deadline <= now').`,
            { node: name, code: IssueCodes.SurfaceTimeoutNotTemporal });
    }
}

/** The type a surface's `context` binding holds, when it names one. */
function contextType(surface: ast.SurfaceDecl, types: AlliumServices['typing']['SpecTypes']): TypeDecl | undefined {
    const context = surface.items.filter(ast.isBindingClause).find(b => b.keyword === 'context');
    return context ? types.typeOfValue(context.value, context)?.type : undefined;
}

/**
 * Whether a value of `given` can open a surface whose context is `expected`: an actor stands for the entity that
 * identifies it (`facing viewer: Interviewer` binds a User), and a variant is an instance of its base.
 */
function fits(given: TypeDecl, expected: TypeDecl, types: AlliumServices['typing']['SpecTypes']): boolean {
    const actual = types.identifiedType(given) ?? given;
    const wanted = types.identifiedType(expected) ?? expected;
    return actual === wanted || (ast.isVariantDecl(actual) && actual.base === wanted.name);
}

function article(name: string): string {
    return /^[AEIOU]/.test(name) ? 'an' : 'a';
}
