import type { AstNode } from 'langium';
import * as ast from '../generated/ast.js';
import { valueItems } from '../ast/ast-views.js';
import { bare, eachOutcome, isBinary, memberOf, plainName, ruleClauses } from './expression-shapes.js';
import { assignmentOf, conditionsOf, entityFor, triggerBindings, type Lifecycles } from './lifecycle-facts.js';
import type { InvariantRisk } from './process-finding.js';

/** `for a in X: for b in X: a != b and a.key = b.key implies not (a.status = v and b.status = v)`. */
interface Uniqueness {
    key: string;
    status: string;
}

interface RuleEffects {
    name: string;
    /** `[entity, status]` the rule sets. */
    statuses: [string, string][];
    /** `Entity.field` keys it sets. */
    fields: Set<string>;
    /** Entities it requires something of. */
    required: Set<string>;
}

/**
 * Rules that move an entity into the status a uniqueness invariant allows only once per key, without touching the
 * key's entity (setting one of its fields or requiring something of it), which is what would keep a second
 * instance out of that status.
 */
export function invariantFindings(module: ast.Module, facts: Lifecycles): InvariantRisk[] {
    const invariants = module.declarations.filter(ast.isInvariantDecl).flatMap(inv => {
        const pattern = uniquenessOf(inv.body.length === 1 ? inv.body[0] : undefined);
        return pattern && inv.name ? [{ name: inv.name, pattern }] : [];
    });
    if (invariants.length === 0) {
        return [];
    }
    const effects = module.declarations.filter(ast.isRuleDecl).filter(rule => rule.name).map(rule => ruleEffects(rule, facts));
    const out: InvariantRisk[] = [];
    for (const { name: invariant, pattern } of invariants) {
        // The key's entity: the type of a field named like the key on an entity with a lifecycle.
        const keyEntity = [...facts.statuses.keys()].map(entity => facts.fieldTypes.get(entity)?.get(pattern.key)).find(t => t !== undefined);
        for (const effect of effects) {
            for (const [entity, target] of effect.statuses.filter(([, t]) => t === pattern.status)) {
                const guarded = keyEntity !== undefined && ([...effect.fields].some(f => f.startsWith(`${keyEntity}.`)) || effect.required.has(keyEntity));
                if (!guarded) {
                    out.push({
                        type: 'invariant_risk',
                        summary: `Rule '${effect.name}' could violate invariant '${invariant}'`,
                        rule: effect.name,
                        invariant,
                        mechanism: `Sets ${entity}.status to '${target}' without preventing concurrent instances`,
                        guard_analysis: { has_guard: false, needed: `Rule should set ${keyEntity ?? 'related entity'}.status to prevent concurrent ${pattern.status} states` },
                        affected_entities: [entity]
                    });
                }
            }
        }
    }
    return out;
}

function ruleEffects(rule: ast.RuleDecl, facts: Lifecycles): RuleEffects {
    const bindings = triggerBindings(rule, facts.statuses);
    const statuses: [string, string][] = [];
    const fields = new Set<string>();
    for (const value of ruleClauses(rule.items, 'ensures')) {
        eachOutcome(value, line => {
            const assignment = assignmentOf(line);
            if (!assignment || assignment.value === undefined) {
                return;
            }
            const [binding, field, nestedField] = assignment.path;
            let entity: string | undefined;
            let written: string;
            if (nestedField === undefined) {
                entity = entityFor(binding, field === 'status' ? assignment.value : undefined, bindings, facts.statuses);
                written = field;
            } else {
                const root = entityFor(binding, undefined, bindings, facts.statuses);
                entity = root === undefined ? undefined : facts.fieldTypes.get(root)?.get(field);
                written = nestedField;
            }
            if (entity !== undefined) {
                if (written === 'status') {
                    statuses.push([entity, assignment.value]);
                }
                fields.add(`${entity}.${written}`);
            }
        });
    }
    const required = new Set<string>();
    for (const condition of ruleClauses(rule.items, 'requires').flatMap(value => conditionsOf(value))) {
        const entity = entityFor(condition.binding, undefined, bindings, facts.statuses);
        if (entity !== undefined) {
            required.add(entity);
        }
    }
    return { name: rule.name, statuses, fields, required };
}

function uniquenessOf(node: AstNode | undefined): Uniqueness | undefined {
    const outer = bare(node);
    const inner = ast.isForExpr(outer) ? single(outer.body) : undefined;
    const body = ast.isForExpr(inner) ? single(inner.body) : undefined;
    if (!isBinary(body, 'implies')) {
        return undefined;
    }
    const conclusion = bare(body.right);
    const both = ast.isUnaryExpr(conclusion) && conclusion.op === 'not' ? bare(conclusion.operand) : undefined;
    const premise = bare(body.left);
    if (!isBinary(both, 'and') || !isBinary(premise, 'and')) {
        return undefined;
    }
    const left = statusValue(both.left);
    const sameKey = bare(premise.right);
    const key = isBinary(sameKey, '=') ? memberOf(sameKey.left)?.[1] : undefined;
    return left !== undefined && left === statusValue(both.right) && key !== undefined ? { key, status: left } : undefined;
}

/** The one expression of a `for` body. */
function single(body: ast.BranchBody | undefined): AstNode | undefined {
    const items = valueItems(body);
    return items.length === 1 ? bare(items[0]) : undefined;
}

/** `v` of `x.status = v`. */
function statusValue(node: AstNode | undefined): string | undefined {
    const n = bare(node);
    return isBinary(n, '=') && memberOf(n.left)?.[1] === 'status' ? plainName(n.right) : undefined;
}
