import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPrompt, promptText, SelectionError, type PromptOptions } from '../src/index.js';
import { specSetOf, specSetOnDisk } from '../../../test/support/spec-sets.js';

const GOLDEN = path.join(__dirname, 'golden');

/** Compares with the golden file; `UPDATE_GOLDEN=1` rewrites it after a deliberate change of the prompt. */
function expectGolden(name: string, text: string): void {
    const file = path.join(GOLDEN, name);
    if (!existsSync(file) || process.env.UPDATE_GOLDEN) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
}

const ORDERS = ['examples/orders/orders.allium', 'examples/orders/payments.allium'];
const options = (selection?: string[]): PromptOptions => ({ targetLanguage: 'Kotlin', selection, extraInstructions: 'Use coroutines.' });

describe('golden prompts', () => {
    it('for one rule of a file', async () => {
        expectGolden('orders-rule-ShipOrder.prompt.txt', promptText(buildPrompt(await specSetOnDisk(ORDERS[0]), options(['rule:ShipOrder']))));
    });

    it('for a file', async () => {
        expectGolden('orders-file.prompt.txt', promptText(buildPrompt(await specSetOnDisk(ORDERS[0]), options())));
    });

    it('for a whole spec set', async () => {
        expectGolden('orders-set.prompt.txt', promptText(buildPrompt(await specSetOnDisk(...ORDERS), options())));
    });
});

describe('prompt assembly', () => {
    it('gives two selections of one file the same system prompt and cached prefix, byte for byte', async () => {
        const set = await specSetOnDisk(ORDERS[0]);
        const ship = buildPrompt(set, options(['rule:ShipOrder']));
        const pay = buildPrompt(set, options(['rule:PayOrder']));
        expect(pay.system).toBe(ship.system);
        expect(pay.prefix).toBe(ship.prefix);
        expect(pay.request).not.toBe(ship.request);
        expect(ship.prefix).not.toContain('ShipOrder (orders)');
    });

    it('shows imported modules with only the declarations the set uses, after the modules they import', async () => {
        const { prefix } = buildPrompt(await specSetOnDisk(ORDERS[0]), options());
        expect(prefix.indexOf('## Module `payments`')).toBeLessThan(prefix.indexOf('## Module `orders`'));
        expect(prefix).toContain('## Module `payments` (payments.allium), imported: only the declarations used here');
        expect(prefix).toContain('rule AuthorisePayment {');
        expect(prefix).toContain('entity Payment {');
        expect(prefix).not.toContain('rule RefundPayment');
        expect(prefix).toContain('Imports `payments` as `payments`.');
    });

    it('keeps leading comments and the module header, and gives tagged decisions as settled', async () => {
        const set = await specSetOf({ 'billing.allium': `-- allium: 3
-- Billing: invoices for finished work.

-- An invoice is raised once per job.
-- RESOLVED: invoices are never split across customers;
--     a shared job is billed to its first customer.
entity Invoice {
    total: Decimal
    status: open | paid
}

rule PayInvoice {
    when: PayInvoice(invoice)
    requires: invoice.status = open
    -- DECISION: partial payments are refused.
    ensures: invoice.status = paid
}

open question "Do we charge interest on late invoices?"
` });
        const prompt = buildPrompt(set, options(['rule:PayInvoice']));
        expect(prompt.prefix).toContain('-- Billing: invoices for finished work.');
        expect(prompt.prefix).toContain('-- An invoice is raised once per job.\n-- RESOLVED: invoices are never split across customers;\n--     a shared job is billed to its first customer.\nentity Invoice {');
        expect(prompt.prefix).not.toContain('open question');
        expect(prompt.request).toContain('## Settled decisions (follow them; do not reopen them)\n\n- billing: invoices are never split across customers; a shared job is billed to its first customer.\n- billing: partial payments are refused.');
        expect(prompt.request).toContain('- billing: Do we charge interest on late invoices?');
    });

    it('turns invariants, @invariant and @guarantee into properties', async () => {
        const set = await specSetOf({ 'accounts.allium': `-- allium: 3
entity Account {
    balance: Decimal
    invariant NonNegative { balance >= 0 }
}
invariant Global {
    for a in Accounts:
        a.balance >= 0
}
contract Ledger {
    post: (account: Account, amount: Decimal) -> Account
    @invariant Balanced
        -- Debits equal credits after every post.
    @guarantee Durable
        -- A post that returned is never lost.
}
` });
        const { request } = buildPrompt(set, { targetLanguage: 'Python' });
        expect(request).toContain('- accounts::invariant:Global: for a in Accounts: a.balance >= 0');
        expect(request).toContain('- accounts::entity:Account/invariant:NonNegative: balance >= 0');
        expect(request).toContain('- accounts::contract:Ledger @invariant Balanced: Debits equal credits after every post.');
        expect(request).toContain('- accounts::contract:Ledger @guarantee Durable: A post that returned is never lost.');
    });

    it('qualifies ids by module and says which selection ids match nothing or several modules', async () => {
        const set = await specSetOf({
            'a.allium': '-- allium: 3\nentity Task {\n    done: Boolean\n}\nrule Close {\n    when: Close(task)\n    ensures: task.done = true\n}\n',
            'b.allium': '-- allium: 3\nrule Close {\n    when: Close(job)\n    ensures: Closed(job: job)\n}\n'
        });
        expect(() => buildPrompt(set, options(['rule:Close']))).toThrow(SelectionError);
        expect(() => buildPrompt(set, options(['rule:Close']))).toThrow(/declared in a and b: name the module, e.g. a::rule:Close/);
        expect(() => buildPrompt(set, options(['rule:Open']))).toThrow('Cannot select rule Open: nothing in a, b declares it.');
        expect(() => buildPrompt(set, options(['c::rule:Close']))).toThrow("Cannot select rule Close: no module of the set is called 'c' (the set has a, b).");
        const prompt = buildPrompt(set, options(['b::rule:Close']));
        expect(prompt.selection).toEqual(['b::rule:Close']);
        expect(prompt.clauses.map(c => c.id)).toEqual(['b::rule:Close', 'b::rule:Close/when', 'b::rule:Close/ensures#1']);
        expect(prompt.clauses.every(c => /^[0-9a-f]{13}$/.test(c.fingerprint))).toBe(true);
    });

    it('is deterministic', async () => {
        const first = promptText(buildPrompt(await specSetOnDisk(...ORDERS), options()));
        expect(promptText(buildPrompt(await specSetOnDisk(...ORDERS), options()))).toBe(first);
    });
});
