import { AstUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import * as ast from '@allium/language';
import { buildPrompt, declarationId, type SpecSet } from '../src/index.js';
import { specSetOf, specSetOnDisk, TRIGGER_ACROSS_USE } from '../../../test/support/spec-sets.js';

const SETS: Record<string, string[]> = {
    orders: ['examples/orders/orders.allium', 'examples/orders/payments.allium'],
    clinic: ['core', 'scheduling', 'reminders', 'billing', 'encounters'].map(m => `examples/clinic/${m}.allium`)
};

/**
 * What the linker resolves from a declaration, worked out here the plain way (Langium's own walks): every
 * reference's top-level target, and theirs in turn; rules are reached from the declaration itself only. An
 * invariant "mentions" what it refers to directly.
 */
function resolvedFrom(root: AstNode, transitively = true): Set<AstNode> {
    const found = new Set<AstNode>();
    const visit = (node: AstNode, first: boolean) => {
        for (const child of AstUtils.streamAst(node)) {
            for (const { reference } of AstUtils.streamReferences(child)) {
                const target = 'ref' in reference ? reference.ref : undefined;
                const top = target && top_(target);
                if (top && !found.has(top) && top !== root && (first || !ast.isRuleDecl(top))) {
                    found.add(top);
                    if (transitively) {
                        visit(top, false);
                    }
                }
            }
        }
    };
    visit(root, true);
    return found;
}

function top_(node: AstNode): AstNode | undefined {
    let current = node;
    while (current.$container && !ast.isModule(current.$container)) {
        current = current.$container;
    }
    return current.$container ? current : undefined;
}

function label(set: SpecSet, declaration: AstNode): string {
    return `${(declarationId(declaration) ?? declaration.$type).replace(':', ' ')} (${set.moduleOf(declaration)!.name})`;
}

function triggerName(rule: ast.RuleDecl): string | undefined {
    const expr = rule.items.find(ast.isTriggerClause)?.trigger?.expr;
    const callee = ast.isCall(expr) ? expr.callee : undefined;
    return ast.isNameRef(callee) ? ast.localName(callee.ref.$refText) : undefined;
}

/** The task section's lists: what the selection depends on, and what is around it. */
function lists(request: string): { dependsOn: string; around: string } {
    return {
        dependsOn: /^It depends on, and must agree with: (.*)\.$/m.exec(request)?.[1] ?? '',
        around: /^Around it \(respect, do not implement\): (.*)\.$/m.exec(request)?.[1] ?? ''
    };
}

describe.each(Object.entries(SETS))('the prompt of every rule of the %s example set', (_name, files) => {
    it('holds what the linker resolves from the rule, the providers and other listeners of its trigger, invariants over its entities, and only related open questions', async () => {
        const set = await specSetOnDisk(...files);
        const rules = set.modules.flatMap(m => m.module.declarations.filter(ast.isRuleDecl));
        expect(rules.length).toBeGreaterThan(5);
        for (const rule of rules) {
            const prompt = buildPrompt(set, { targetLanguage: 'Kotlin', selection: [`${set.moduleOf(rule)!.name}::rule:${rule.name}`] });
            const { dependsOn, around } = lists(prompt.request);
            const mentioned = `${dependsOn}, ${around}`;
            const resolved = [...resolvedFrom(rule)].filter(d => declarationId(d) !== undefined);
            for (const declaration of resolved) {
                expect(dependsOn, `${rule.name} depends on ${label(set, declaration)}`).toContain(label(set, declaration));
                expect(prompt.prefix, `${rule.name}: the text of ${label(set, declaration)}`).toContain(declaration.$cstNode!.text);
            }
            const trigger = triggerName(rule);
            if (trigger) {
                const providers = set.modules.flatMap(m => m.module.declarations.filter(ast.isSurfaceDecl))
                    .filter(s => AstUtils.streamAst(s).some(n => ast.isCall(n) && ast.isNameRef(n.callee) && ast.localName(n.callee.ref.$refText) === trigger));
                const siblings = rules.filter(r => r !== rule && triggerName(r) === trigger);
                for (const declaration of [...providers, ...siblings]) {
                    expect(mentioned, `${rule.name}: ${label(set, declaration)} around its trigger`).toContain(label(set, declaration));
                }
            }
            const entities = new Set([rule, ...resolved].filter(ast.isEntityDecl));
            for (const invariant of set.modules.flatMap(m => m.module.declarations.filter(ast.isInvariantDecl))) {
                if ([...resolvedFrom(invariant, false)].some(d => entities.has(d as ast.EntityDecl))) {
                    expect(mentioned, `${rule.name}: ${label(set, invariant)} over its entities`).toContain(label(set, invariant));
                }
            }
            const related = new Set([rule, ...resolved].map(d => set.moduleOf(d)!.name));
            const questions = /## Open questions \(undecided\)\n\n[^\n]*\n\n((?:- .*\n?)*)/.exec(prompt.request)?.[1].trim().split('\n') ?? [];
            for (const question of questions) {
                expect(related, `${rule.name}: ${question}`).toContain(/^- ([\w/.-]+?)(?:::|:)/.exec(question)![1]);
            }
            const own = set.moduleOf(rule)!.module.declarations.filter(ast.isOpenQuestion);
            for (const question of own) {
                expect(prompt.request, `${rule.name}: its module's open question`).toContain(question.text);
            }
        }
    });

    it('puts every declaration a file resolves, imported ones included, in the prefix of that file alone', async () => {
        for (const file of files) {
            const set = await specSetOnDisk(file);
            const { prefix } = buildPrompt(set, { targetLanguage: 'Go' });
            for (const declaration of set.selected[0].module.declarations) {
                for (const resolved of resolvedFrom(declaration)) {
                    expect(prefix, `${file}: ${label(set, resolved)}`).toContain(resolved.$cstNode!.text);
                }
            }
        }
    });
});

describe('what a selection depends on, construct by construct', () => {
    const CORE = `-- allium: 3
-- Core: shared types.

config {
    grace: Duration = 2.days
}

enum Tier { basic | gold }

value Money {
    amount: Decimal
}

entity Account {
    tier: Tier
    balance: Money
    status: open | closed
}

variant Corporate : Account {
    vat_number: String
}

entity Unrelated {
    name: String
}

open question "Is a closed account ever reopened?"
`;
    const BILLING = `-- allium: 3
use "./core.allium" as core

given {
    ledger: Ledger
}

deferred Pricing.quote

default core/Tier standard_tier = basic

entity Ledger {
    name: String
}

value Receipt {
    paid: Decimal
}

contract Gateway {
    charge: (amount: Decimal) -> Receipt
}

rule Charge {
    when: Charge(account, amount)
    requires: account.status = open
    requires: amount > Pricing.quote(account)
    ensures: account.balance = core/Money.created(amount: amount)
    ensures: Charged(account: account, due: now + core/config.grace)
}

rule Audit {
    when: Charged(account, due)
    ensures: ledger.name = "audited"
}

rule Unused {
    when: Noise(x)
    ensures: Echo(x: x)
}

open question "Do we charge VAT on corporate accounts?"
`;

    it('follows alias names, alias config, given, deferred specs, variants and listeners of emitted triggers', async () => {
        
        const set = await specSetOf({ 'core.allium': CORE, 'billing.allium': BILLING }, ['billing.allium']);
        const prompt = buildPrompt(set, { targetLanguage: 'Go', selection: ['rule:Charge'] });
        const { dependsOn, around } = lists(prompt.request);
        for (const expected of ['config (core)', 'enum Tier (core)', 'value Money (core)', 'entity Account (core)', 'variant Corporate (core)']) {
            expect(dependsOn).toContain(expected);
        }
        expect(around).toBe('rule Audit (billing)');
        expect(dependsOn).not.toContain('Unrelated');
        expect(dependsOn).not.toContain('rule Unused');
        expect(prompt.prefix).toContain('deferred Pricing.quote');
        expect(prompt.prefix).toContain('given {');
        expect(prompt.prefix).not.toContain('entity Unrelated');
        expect(prompt.request).toContain('- core: Is a closed account ever reopened?');
        expect(prompt.request).toContain('- billing: Do we charge VAT on corporate accounts?');
    });

    it('gives a rule emitting a trigger the importer listens to by the same name that listener, as the checker joins them', async () => {
        const set = await specSetOf(TRIGGER_ACROSS_USE);
        expect(lists(buildPrompt(set, { targetLanguage: 'Go', selection: ['rule:Escalate'] }).request).around).toBe('rule HandlePing (main)');
    });

    it('reads the return type of a contract signature and the imported type of a default', async () => {
        
        const set = await specSetOf({ 'core.allium': CORE, 'billing.allium': BILLING }, ['billing.allium']);
        expect(lists(buildPrompt(set, { targetLanguage: 'Go', selection: ['contract:Gateway'] }).request).dependsOn).toBe('value Receipt (billing)');
        expect(lists(buildPrompt(set, { targetLanguage: 'Go', selection: ['default:standard_tier'] }).request).dependsOn).toBe('enum Tier (core)');
    });

    it('leaves the open questions of modules the selection does not depend on out', async () => {
        
        const set = await specSetOf({ 'core.allium': CORE, 'billing.allium': BILLING });
        const prompt = buildPrompt(set, { targetLanguage: 'Go', selection: ['entity:Unrelated'] });
        expect(prompt.request).toContain('Is a closed account ever reopened?');
        expect(prompt.request).not.toContain('VAT');
    });
});
