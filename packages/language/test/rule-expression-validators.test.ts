import { describe, expect, it } from 'vitest';
import { parseAllium } from '../src/index.js';

async function lines(text: string, code: string): Promise<number[]> {
    const { diagnostics } = await parseAllium(`-- allium: 3\n${text}`);
    return diagnostics.filter(d => d.code === code).map(d => d.range.start.line + 1);
}

async function messages(text: string, code: string): Promise<string[]> {
    const { diagnostics } = await parseAllium(`-- allium: 3\n${text}`);
    return diagnostics.filter(d => d.code === code).map(d => d.message);
}

const ORDER = `
enum Recommendation { yes | no }
enum DayOfWeek { monday | tuesday }

entity Order {
    status: pending | shipped | delivered
    previous_status: pending | shipped | delivered
    total: Decimal
    count: Integer
    placed_at: Timestamp
    shipped_at: Timestamp?
    rec: Recommendation
    other_rec: Recommendation
    day: DayOfWeek
    name: String
}

config {
    grace: Duration = 5.minutes
}
`;

/** A rule on a created order, with one `requires:` line per condition, the first at FIRST_REQUIRES. */
function rule(...requires: string[]): string {
    return `${ORDER}
rule Check {
    when: order: Order.created
${requires.map(r => `    requires: ${r}`).join('\n')}
    ensures: order.name = "checked"
}
`;
}

const FIRST_REQUIRES = ORDER.split('\n').length + 4;

describe('rules that can never fire', () => {
    it('accepts compatible preconditions', async () => {
        expect(await lines(rule('order.status = pending', 'order.rec != no', 'order.count > 1'), 'allium.rule.neverFires')).toEqual([]);
        expect(await lines(rule('order.status in {pending, shipped}', 'order.status != shipped'), 'allium.rule.neverFires')).toEqual([]);
    });

    it('reports two values required of one field, at the second', async () => {
        expect(await lines(rule('order.status = pending', 'order.status = shipped'), 'allium.rule.neverFires')).toEqual([FIRST_REQUIRES + 1]);
        expect(await lines(rule('order.status = pending and order.status = shipped'), 'allium.rule.neverFires')).toEqual([FIRST_REQUIRES]);
    });

    it('reports a value both required and excluded', async () => {
        expect(await lines(rule('order.rec = yes', 'order.rec != yes'), 'allium.rule.neverFires')).toEqual([FIRST_REQUIRES + 1]);
        expect(await lines(rule('order.status in {pending, shipped}', 'order.status not in {shipped, pending}'), 'allium.rule.neverFires')).toEqual([FIRST_REQUIRES + 1]);
        expect(await lines(rule('order.shipped_at = null', 'exists order.shipped_at'), 'allium.rule.neverFires')).toEqual([FIRST_REQUIRES + 1]);
    });

    it('compares string literals by their text, and keeps different kinds of value apart', async () => {
        const spec = (a: string, b: string) => `rule R {\n    when: Ping(user)\n    requires: user.state = ${a}\n    requires: user.state != ${b}\n    ensures: Done()\n}\n`;
        expect(await lines(spec('"a"', '"b"'), 'allium.rule.neverFires')).toEqual([]);
        expect(await lines(spec('"a"', '"a"'), 'allium.rule.neverFires')).toEqual([5]);
        expect(await lines(spec('1', '1.0'), 'allium.rule.neverFires')).toEqual([5]);
    });

    it('reads a boolean field required both true and false', async () => {
        expect(await lines(rule('order.flag', 'not order.flag'), 'allium.rule.neverFires')).toEqual([FIRST_REQUIRES + 1]);
        expect(await lines(rule('order.flag', 'order.other_flag = false'), 'allium.rule.neverFires')).toEqual([]);
    });

    it('does not read a binding as a value', async () => {
        const spec = `rule R {\n    when: Assign(order, first, second)\n    requires: order.owner = first\n    requires: order.owner = second\n    ensures: Done()\n}\n`;
        expect(await lines(spec, 'allium.rule.neverFires')).toEqual([]);
    });

    it('reports a precondition the trigger contradicts', async () => {
        const spec = (requires: string) => `${ORDER}
rule Ship {
    when: order: Order.status becomes shipped
    requires: ${requires}
    ensures: order.shipped_at = now
}
`;
        const at = ORDER.split('\n').length + 4;
        expect(await lines(spec('order.status = shipped'), 'allium.rule.neverFires')).toEqual([]);
        expect(await lines(spec('order.status = pending'), 'allium.rule.neverFires')).toEqual([at]);
        expect(await lines(spec('order.status = pending').replace('order: Order.status', 'order.status'), 'allium.rule.neverFires')).toEqual([at]);
        expect(await messages(spec('order.status != shipped'), 'allium.rule.neverFires')).toEqual([
            "Rule 'Ship' can never fire: no value of 'order.status' meets this precondition and its trigger together. Correct or remove the conflicting condition."
        ]);
    });
});

describe('rules that overlap', () => {
    const rules = (...bodies: string[]) => bodies.map((body, i) => `rule R${i} {\n    when: Ping(user)\n${body}\n}\n`).join('\n');

    it('accepts rules on one trigger with different outcomes or exclusive preconditions', async () => {
        const spec = rules('    requires: user.status = active\n    ensures: Done()', '    requires: user.status = blocked\n    ensures: Done()',
            '    requires: user.status = active\n    ensures: Other()');
        expect(await lines(spec, 'allium.rule.duplicateBehavior')).toEqual([]);
        expect(await lines(spec, 'allium.rule.potentialShadow')).toEqual([]);
    });

    it('reports a copy, ignoring layout, comments and the order of clauses', async () => {
        const spec = rules('    requires: user.status = active\n    requires: user.age > 3\n    ensures: Done()',
            '    requires: user.age>3 -- grown up\n    requires:   user.status = active\n    ensures: Done()');
        expect(await lines(spec, 'allium.rule.duplicateBehavior')).toEqual([2 + 6 + 1]);
    });

    it('reports a rule whose preconditions add to another with the same outcome, once', async () => {
        const spec = rules('    requires: user.status = active\n    ensures: Done()', '    ensures: Done()',
            '    requires: user.status = active and user.age > 3\n    ensures: Done()');
        // R0 (line 2) adds to R1; R2 (line 13) adds to both, and is reported once.
        expect(await lines(spec, 'allium.rule.potentialShadow')).toEqual([2, 13]);
        expect(await lines(spec, 'allium.rule.duplicateBehavior')).toEqual([]);
    });

    it('keeps rules of different triggers apart', async () => {
        const spec = `rule A {\n    when: Ping(user)\n    ensures: Done()\n}\n\nrule B {\n    when: Pong(user)\n    ensures: Done()\n}\n`;
        expect(await lines(spec, 'allium.rule.duplicateBehavior')).toEqual([]);
    });
});

// Expression types (rules 12 and 14): fixtures/checks/expression-types*.allium.
