import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllium } from '../src/index.js';
import { compare, expectationsOf } from './check-fixtures.js';

/** Each spec of fixtures/checks/ reports the findings its `-- expect:` comments say, of the codes they name. */
const CHECKS = path.join(__dirname, 'fixtures/checks');

describe('checks, from specs with their expected findings', () => {
    for (const file of readdirSync(CHECKS).filter(f => f.endsWith('.allium')).sort()) {
        it(file, async () => {
            const text = readFileSync(path.join(CHECKS, file), 'utf8');
            const { expected, codes } = expectationsOf(text);
            expect(codes.size, 'a fixture names the codes it tests').toBeGreaterThan(0);
            const { found, wanted } = compare((await parseAllium(text)).diagnostics, expected, codes);
            expect(found).toEqual(wanted);
        });
    }
});
