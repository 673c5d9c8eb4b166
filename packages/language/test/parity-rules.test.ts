import { describe, expect, it } from 'vitest';
import { parseAllium, REFERENCE_CATEGORIES } from '../src/index.js';

// Rules found by differential testing against the reference checker (npm run parity:fuzz): each spec here is one
// the reference accepts or rejects as stated, written down as the smallest text that shows the rule.

/** What `allium check` reports (no extended checks), on a version 3 spec. */
async function checked(text: string) {
    return (await parseAllium(`-- allium: 3\n${text}`, undefined, undefined, REFERENCE_CATEGORIES)).diagnostics;
}

/** `line:code` of every finding, syntax errors as `line:allium.syntax`. */
async function findings(text: string): Promise<string[]> {
    return (await checked(text)).map(d => `${d.range.start.line + 1}:${String(d.code)}`);
}

async function errors(text: string): Promise<string[]> {
    return (await checked(text)).filter(d => d.severity === 1).map(d => `${d.range.start.line + 1}:${String(d.code)} ${d.message}`);
}

describe('layout', () => {
    it('a for loop whose where continues on the next line keeps its binding in the indented body', async () => {
        const spec = `
entity Team {
    owner: String
    status: active | closed
}

rule CloseTeams {
    when: CloseAll(owner)
    for t in Teams where t.owner = owner
        and t.status != closed:
        requires: t.status = active
        ensures: t.status = closed
        ensures: Notified(t.owner)
}
`;
        expect(await errors(spec)).toEqual([]);
    });
});

describe('loops', () => {
    it('a for loop may have no body yet, in a rule or an invariant', async () => {
        expect(await errors('rule Notify {\n    when: Ping(a)\n    for admin in Users where role = admin:\n}\n')).toEqual([]);
        expect(await errors('invariant NonNegative {\n    for account in Accounts:\n}\n')).toEqual([]);
    });
});

describe('expressions', () => {
    it('a contract signature may return an imported type', async () => {
        const spec = `
use "./core.allium" as core

contract Router {
    route: (signals: Set<String>) -> core/Role
}
`;
        expect((await findings(spec)).filter(f => f.endsWith('allium.syntax'))).toEqual([]);
    });

    it('a projection takes operators, as a collection pipeline in a requires does', async () => {
        const spec = `
config {
    max_people: Integer = 10
}

entity Person {
    owner: String
}

rule CreatePersonRule {
    when: CreatePerson(user, name, companies?, headline?)
    requires: Persons where owner = user -> count < config.max_people
    ensures: Person.created(owner: user)
}

contract Codec {
    encode: (amount: Integer) -> low | high
}
`;
        expect(await errors(spec)).toEqual([]);
    });
});

describe('empty clauses', () => {
    it('a clause ending its line with nothing indented below has no value; the next line is the next item', async () => {
        const spec = `
entity Account {
    balance: Integer
}

actor Owner {
    identified_by: Account where balance > 0
}

surface AccountView {
    facing viewer: Owner
    exposes:
        -- balance, once decided
    provides:
        Withdraw(viewer)
}
`;
        expect(await errors(spec)).toEqual([]);
    });

    it('an empty clause before a value on the same indentation leaves that line as an item of its own', async () => {
        expect(await findings('rule R {\n    when: X(a)\n    ensures:\n    Done(a)\n}\n')).toContain('5:allium.syntax');
    });

    it('a binding, a let, a parameterised or a dotted clause may end its line with nothing below it', async () => {
        for (const item of ['facing viewer:', 'context account:', 'let total =', 'can_withdraw(amount):', 'can_close():', 'viewer.balance:']) {
            const spec = `entity Account {\n    balance: Integer\n}\n\nsurface AccountView {\n    facing owner: Account\n    ${item}\n\n    exposes:\n        owner.balance\n}\n`;
            expect(await errors(spec), item).toEqual([]);
        }
    });

    it('an empty when: is a trigger the rule does not have; a broken one is only its syntax error', async () => {
        expect(await findings('rule R {\n    when:\n    requires: true\n    ensures: Done()\n}\n')).toEqual(['3:allium.rule.invalidTrigger']);
        expect(await findings('rule R {\n    when: -- to do\n\n    ensures: Done()\n}\n')).toEqual(['3:allium.rule.invalidTrigger']);
        expect(await findings('rule R {\n    when: ) x\n    ensures: Done()\n}\n')).toEqual(['3:allium.syntax']);
    });

    it('a clause whose colon is followed on its line by what cannot start a value is an error there', async () => {
        expect(await findings('rule R {\n    when: Go(x)\n    requires: ,\n    ensures: Done()\n}\n')).toContain('4:allium.syntax');
    });

    it('a line with more than such a clause before its colon is still an error there', async () => {
        for (const item of ['facing viewer: Account:', 'a.b.c:']) {
            const spec = `surface AccountView {\n    ${item}\n    exposes:\n        x\n}\n`;
            expect(await findings(spec), item).toContain('3:allium.syntax');
        }
    });
});

describe('strings', () => {
    it('a trailing backslash continues a string on the next line, and later lines keep their numbers', async () => {
        const spec = 'rule Write {\n    when: WriteNote(n)\n    ensures: Notified(text: "hello \\\n    world")\n}\n\nrule Late {\n    when: Other(m)\n    ensures: Done(m)\n}\n';
        expect(await findings(spec)).toEqual(['3:allium.rule.unreachableTrigger', '9:allium.rule.unreachableTrigger']);
    });

    it('an unclosed string is reported in Allium terms, never in the lexer library\'s', async () => {
        const { diagnostics } = await parseAllium('-- allium: 3\nrule W {\n    when: W(n)\n    ensures: Done(text: "hello)\n}\n~\n');
        const syntax = diagnostics.filter(d => d.code === 'allium.syntax');
        expect(syntax.map(d => d.range.start.line + 1)).toContain(4);
        expect(syntax.map(d => d.message).join('\n')).not.toMatch(/unexpected character|offset|skipped/);
    });
});

describe('recovery from syntax errors', () => {
    it('reports one error for a line that is not Allium, and resumes at the next item of the rule', async () => {
        const spec = `
entity Order {
    total: Integer
}

rule Place {
    when: PlaceOrder(total)
    ensures: Order.created(total: total)
    let o = Order{total: total}:
        ensures: o.total = total
}

rule Other {
    when: Other(x)
    ensures: Logged(x)
}
`;
        expect((await findings(spec)).filter(f => f.endsWith('allium.syntax'))).toEqual(['10:allium.syntax']);
    });

    it('reports an unclosed declaration at the end of the file, one error per broken line, and drops the declaration', async () => {
        const { diagnostics } = await parseAllium('-- allium: 3\nenum Status {\nentity Invitation {\nrule Notify {\n  ensures: Invitation.sent()\n');
        expect(diagnostics.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`))
            .toEqual(['3:19 allium.syntax', '4:13 allium.syntax', '5:10 allium.syntax', '6:1 allium.syntax']);
    });

    it('drops a declaration whose header breaks on its next line, and resumes at the declaration after', async () => {
        const spec = 'rule AuditLogin\n    when: Login(session)\nrule Notify {\n    when: feedback/Request.status transitions_to submitted\n}\n';
        expect((await findings(spec)).sort()).toEqual(['3:allium.syntax', '5:allium.reference.undefinedImportedAlias', '5:allium.rule.invalidTrigger']);
    });

    it('a broken call argument at the end of the file is reported on its line, and checking goes on', async () => {
        // Probing where the call breaks parses from an inner grammar rule; Langium's parser can throw there.
        for (const spec of ['rule W {\n    ensures: FileWritten(path: <o\n', 'rule W {\n    ensures: Told(message: "<\n',
            'entity S {\n    ensures: Told(\n        data: { reason: = failure_reason }\n']) {
            const syntax = (await findings(spec)).filter(f => f.endsWith('allium.syntax'));
            expect(syntax[0]).toBe('3:allium.syntax');
        }
    });

    it('never places an error at 1:1 unless it is there', async () => {
        const { diagnostics } = await parseAllium('-- allium: 3\nrule R {\n    when: X(a)\n    ensures:\n        a.b = (\n}\n');
        expect(diagnostics.filter(d => d.range.start.line === 0 && d.range.start.character === 0)).toEqual([]);
    });
});

describe('recovery from characters that are not Allium', () => {
    it('a declaration header broken by one is dropped, and its line with it', async () => {
        const spec = 'use "./comments.allium" \\\n    as comments\n\nentity Document {\n    comments: comments/Comment with document = this\n}\n';
        expect(await findings(spec)).toEqual(expect.arrayContaining(['2:allium.syntax', '6:allium.reference.undefinedImportedAlias']));
    });
});

// The reference parser reads one token ahead and commits to what that token starts; these are the places where that
// puts its first syntax error on another line than a parser that looks further ahead would.
describe('one-token reading', () => {
    /** `line:column` of each syntax error. */
    async function syntax(text: string): Promise<string[]> {
        return (await checked(text)).filter(d => d.code === 'allium.syntax').map(d => `${d.range.start.line + 1}:${d.range.start.character + 1}`);
    }

    it('reads a when: after an expression as its guard, on the next line or after a block, and fails at the colon', async () => {
        expect(await syntax('rule A {\n    when: Ping()\n    ensures: Done()\n    when: Pong()\n}\n')).toEqual(['5:9']);
        expect(await syntax('rule A {\n    when: Ping()\n    ensures:\n        Done()\n\n    when: Pong()\n}\n')).toEqual(['7:9']);
        expect(await syntax('entity E {\n    a: String\n    when: String\n}\n')).toEqual(['4:9']);
        // First in its rule, or after a construct that is not an expression, when: is a trigger clause.
        expect(await syntax('rule A {\n    -- the trigger\n    when: Ping()\n    ensures: Done()\n}\n')).toEqual([]);
    });

    it('the line read as a guard is skipped, and the rest of the rule is read (Done is emitted)', async () => {
        const found = await findings('rule A {\n    when: Ping(x)\n    when: Pong(x)\n    ensures: Done(x)\n}\n\nrule B {\n    when: Done(y)\n    ensures: Logged(y)\n}\n');
        expect(found.filter(f => f.endsWith('allium.syntax'))).toEqual(['4:allium.syntax']);
        expect(found).not.toContain('9:allium.rule.unreachableTrigger');
    });

    it('an edge missing its target takes the next line\'s source, and the error is where that edge ends', async () => {
        const spec = 'entity Order {\n    status: a | b | c\n\n    transitions status {\n        a ->\n        b -> c\n        terminal: c\n    }\n}\n';
        // The graph goes up to there; its brace then closes the entity, and the entity's own brace is left over.
        expect(await syntax(spec)).toEqual(['7:11', '10:1']);
    });

    it('an edge missing its arrow is one error where the arrow should be, and the rest of the graph is read', async () => {
        const graph = (edge: string) => `entity Order {\n    status: a | b | c | d\n\n    transitions status {\n        a -> b\n${edge}\n        c -> d\n        terminal: d\n    }\n}\n`;
        expect(await syntax(graph('        b  c'))).toEqual(['7:12']);
        expect(await syntax(graph('        b ( -> c'))).toEqual(['7:11']);
        // A source alone takes the next line as its missing arrow, and that line goes with it.
        expect(await syntax(graph('        b'))).toEqual(['8:9']);
        // The graph is kept: d is terminal, so only a, b and c lack a way out where no rule moves them.
        const found = await findings(graph('        b  c'));
        expect(found.filter(f => f.endsWith('allium.status.noExit'))).toHaveLength(3);
    });

    it('after an edge missing its arrow is dropped, the rest of the graph is read again and its own error found', async () => {
        const spec = 'entity Order {\n    status: a | b | c\n\n    transitions status {\n        a -> b\n        a when -> c\n        b -> c\n        terminal: b c\n    }\n}\n';
        // The terminal list missing a comma fails at the graph's brace, as alone; the graph's first line is no error.
        expect(await syntax(spec)).toEqual(['7:11', '10:5']);
    });

    it('a graph broken elsewhere is dropped up to its broken line, and its other lines are read as the entity\'s items', async () => {
        const spec = 'entity Order {\n    status: a | b\n\n    transitions status {\n        a -> b\n        terminal: "s" b\n    }\n}\n';
        // The graph's brace closes the entity, so the entity's own brace is where a declaration was expected.
        expect(await syntax(spec)).toEqual(['7:19', '9:1']);
    });

    it('a terminal list missing a comma fails at the brace closing the graph, and the entity is read after it', async () => {
        const spec = 'entity Order {\n    status: a | b | c\n\n    transitions status {\n        a -> b\n        terminal: b c\n    }\n    note: String\n}\n';
        expect(await syntax(spec)).toEqual(['8:5']);
    });

    it('an empty terminal: fails at the brace closing the graph', async () => {
        const spec = 'entity Doc {\n    status: active | deleted\n\n    transitions status {\n        active -> deleted\n        terminal:\n    }\n    note: String\n}\n';
        expect(await syntax(spec)).toEqual(['8:5']);
    });

    it('a ( continues its expression until a token that cannot, on whatever line', async () => {
        const unclosed = 'rule Ask {\n    when: Ask(interview)\n    ensures: Request.created(\n        subject: interview,\n        deadline: 24.hours\n}\n';
        expect(await syntax(unclosed)).toEqual(['7:1', '8:1']);
        const stray = 'rule A {\n    when: Ping() (\n\n    ensures:\n        if ready:\n            Done()\n}\n';
        expect(await syntax(stray)).toEqual(['8:1', '9:1']);
    });

    it('an unclosed group holds one expression: the error is at the first token after it, and its item is dropped', async () => {
        const rule = (body: string) => `rule R {\n    when: T(x)\n${body}\n    ensures: Done()\n}\n`;
        expect(await syntax(rule('    requires: (a or b\n    requires: c'))).toEqual(['5:5']);
        expect(await syntax(rule('    requires: a and (b or c'))).toEqual(['5:5']);
        expect(await syntax(rule('    requires: (a b)'))).toEqual(['4:18']);
        // A call's arguments are read on as before: `ensures:` names the next one.
        expect(await syntax(rule('    requires: f(a'))).not.toContain('5:5');
    });

    it('an unclosed call reads its arguments over the next lines, named by any word, commas optional, up to the brace', async () => {
        // `ensures: Available(...)` on the next lines are named arguments of the call left open, so the rule's
        // brace is where it breaks; the next rule's header is then an item of this rule.
        const snippets = 'rule Snippets {\n    when: Loaded(language)\n    ensures: Available(prefix: variant\n    ensures: Available(prefix: enum)\n    ensures: Available(prefix: rule)\n}\n\nrule Other {\n    when: Loaded(language)\n    ensures: Done(language)\n}\n';
        expect(await syntax(snippets)).toEqual(['7:1', '9:1']);
        const missingComma = 'rule Ask {\n    when: Ask(x)\n    ensures: Request.created(\n        subject: x,\n        deadline: 24.hours\n        respondents: x.people,\n\n}\n';
        expect(await syntax(missingComma)).toEqual(['9:1', '10:1']);
    });

    it('a construct broken at the brace of what holds it is reported where it starts', async () => {
        expect(await syntax('surface Portal {\n    facing Customer\n}\n')).toEqual(['3:5']);
    });
});

