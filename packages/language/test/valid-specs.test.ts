import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueEntry, parseAllium } from '../src/index.js';

const FIXTURES = path.join(__dirname, 'fixtures/valid');

/**
 * Complete specs written to the language reference, one domain each (sum types, surfaces and actors, temporal
 * rules with when-qualified fields, contracts and annotations). The extended checks must find nothing wrong with
 * them: an open question is their only warning, and information is allowed.
 */
describe('extended checks on valid specs', () => {
    for (const file of readdirSync(FIXTURES).filter(f => f.endsWith('.allium'))) {
        it(`finds no error or warning of its own in ${file}`, async () => {
            const { diagnostics } = await parseAllium(readFileSync(path.join(FIXTURES, file), 'utf8'));
            const findings = diagnostics.filter(d => catalogueEntry(d.code)?.kind === 'extended' && d.severity !== undefined && d.severity <= 2 && d.code !== 'allium.openQuestion.present');
            expect(findings.map(d => `${d.range.start.line + 1}: ${d.code}: ${d.message}`)).toEqual([]);
            expect(diagnostics.filter(d => d.code === 'allium.syntax')).toEqual([]);
        });
    }
});
