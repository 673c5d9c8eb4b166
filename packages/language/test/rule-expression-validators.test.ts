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

describe('expression types', () => {
    it('accepts comparisons and arithmetic of compatible types', async () => {
        const spec = rule('order.total > 0', 'order.count + 1 < 10', 'order.placed_at + 7.days <= now', 'now - order.placed_at > config.grace',
            'order.total * order.count >= 1.5', 'order.rec = order.other_rec', 'order.shipped_at = null', 'order.name = "x"',
            'order.status = order.status', 'config.grace * 2 > 1.minute', 'unknown.thing < other.thing + 3');
        expect(await lines(spec, 'allium.expression.typeMismatch')).toEqual([]);
        expect(await lines(spec, 'allium.expression.inlineEnumComparison')).toEqual([]);
    });

    it('reports strings in ordered comparisons and arithmetic, whatever the other side', async () => {
        const spec = `rule A {\n    when: Ping(user)\n    requires: user.age < "old"\n    ensures: user.score = "bad" + 1\n}\n`;
        expect(await lines(spec, 'allium.expression.typeMismatch')).toEqual([4, 5]);
    });

    it('reports a string literal compared with a number', async () => {
        const spec = `rule A {\n    when: Ping(user)\n    requires: "old" = 1\n    ensures: Done()\n}\n`;
        expect(await lines(spec, 'allium.expression.typeMismatch')).toEqual([4]);
    });

    it('reports declared fields used with incompatible values', async () => {
        const spec = rule('order.total = "x"', 'order.status = 3', 'order.placed_at + 5 < now', 'order.rec = order.day',
            'order.total + order.count > 1', 'order.placed_at < config.grace', 'order.name = true');
        expect(await lines(spec, 'allium.expression.typeMismatch')).toEqual([0, 1, 2, 3, 4, 5, 6].map(i => FIRST_REQUIRES + i));
    });

    it('says what each side is and what to do', async () => {
        expect(await messages(rule('order.placed_at + 5 < now'), 'allium.expression.typeMismatch')).toEqual([
            "'order.placed_at' is a Timestamp and 5 is a number: they cannot be combined with '+'. A Timestamp only moves by a Duration (+ or -), or gives one when another Timestamp is subtracted."
        ]);
    });

    it('leaves operands of unknown type alone', async () => {
        expect(await lines(rule('order.missing = 3', 'order.total = order.missing'), 'allium.expression.typeMismatch')).toEqual([]);
    });

    it('reports two inline enum fields compared, even with the same values', async () => {
        const spec = rule('order.status != order.previous_status');
        expect(await lines(spec, 'allium.expression.inlineEnumComparison')).toEqual([FIRST_REQUIRES]);
        expect(await lines(spec, 'allium.expression.typeMismatch')).toEqual([]);
    });

    it('accepts the same inline enum field read on two instances', async () => {
        const spec = `${ORDER}
rule Compare {
    when: Match(order, other)
    requires: order.status = other.status
    ensures: Done()
}
`;
        expect(await lines(spec, 'allium.expression.inlineEnumComparison')).toEqual([]);
    });

    it('types fields read inside a filter, a derived value and through a let', async () => {
        const spec = `entity Order {
    status: pending | shipped
    previous_status: pending | shipped
    total: Decimal
    moved: status != previous_status
}

rule R {
    when: order: Order.created
    let amount = order.total
    requires: amount = "x"
    requires: (Orders where status = previous_status).count > 0
    ensures: Done()
}
`;
        expect(await lines(spec, 'allium.expression.inlineEnumComparison')).toEqual([6, 13]);
        expect(await lines(spec, 'allium.expression.typeMismatch')).toEqual([12]);
    });

    it('reports a mismatch inside a longer expression once, where it happens', async () => {
        expect(await lines(rule('order.placed_at + 5 + 7.days < now'), 'allium.expression.typeMismatch')).toEqual([FIRST_REQUIRES]);
    });

    it('accepts fields sharing a named enum', async () => {
        const spec = `enum Status { pending | shipped }\n\nentity Order {\n    status: Status\n    previous_status: Status\n}\n\nrule R {\n    when: order: Order.created\n    requires: order.status != order.previous_status\n    ensures: order.status = shipped\n}\n`;
        expect(await lines(spec, 'allium.expression.inlineEnumComparison')).toEqual([]);
        expect(await lines(spec, 'allium.expression.typeMismatch')).toEqual([]);
    });
});
