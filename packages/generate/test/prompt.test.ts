import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllium } from '@allium/language';
import { buildPrompt } from '../src/index.js';

const SPEC = path.resolve(__dirname, '../../../test/corpus/juxt-tools/crates__allium-parser__tests__fixtures__language-reference-constructs.allium');
const GOLDEN = path.join(__dirname, 'golden/language-reference-constructs.prompt.txt');

async function prompt(selection?: string[]) {
    const { document } = await parseAllium(readFileSync(SPEC, 'utf8'));
    return buildPrompt(document.parseResult.value, { targetLanguage: 'Kotlin', selection, extraInstructions: 'Use coroutines.' });
}

describe('prompt assembly', () => {
    it('matches the golden prompt for a corpus spec with @guidance and open questions', async () => {
        const { system, user } = await prompt();
        const text = `${system}\n\n----- user -----\n\n${user}\n`;
        if (!existsSync(GOLDEN) || process.env.UPDATE_GOLDEN) {
            writeFileSync(GOLDEN, text);
        }
        expect(text).toBe(readFileSync(GOLDEN, 'utf8'));
        expect(user).toContain('## Implementation guidance (follow it)');
        expect(user).toContain('## Open questions (undecided)');
        expect(system).toContain('// @allium-begin <clause-id>');
    });

    it('turns invariants into properties the tests must check', async () => {
        const { document } = await parseAllium('-- allium: 3\nentity Account {\n    balance: Decimal\n    invariant NonNegative { balance >= 0 }\n}\ninvariant Global {\n    for a in Accounts:\n        a.balance >= 0\n}\n');
        const { user } = buildPrompt(document.parseResult.value, { targetLanguage: 'Python' });
        expect(user).toContain('## Properties the tests must check');
        expect(user).toContain('- invariant entity:Account/NonNegative: balance >= 0');
        expect(user).toContain('- invariant Global: for a in Accounts: a.balance >= 0');
    });

    it('is deterministic', async () => {
        expect((await prompt()).user).toBe((await prompt()).user);
    });

    it('includes a selected rule with the declarations it refers to, and not unrelated ones', async () => {
        const all = await prompt();
        const rule = all.clauses.find(c => c.id.startsWith('rule:') && !c.id.includes('/'))!;
        const selected = await prompt([rule.id]);
        expect(selected.clauses.every(c => c.owner === rule.id)).toBe(true);
        expect(selected.user.length).toBeLessThan(all.user.length);
        expect(selected.user).toContain(rule.text.split('\n')[0]);
    });
});
