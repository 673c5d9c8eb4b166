import { describe, expect, it } from 'vitest';
import { catalogueEntries, IssueCodes } from '../../packages/language/src/index.js';
import { FIXERS } from '../../packages/server/src/quick-fixes/quick-fixes.js';

describe('quick fix table', () => {
    it('has a fixer for each code the catalogue lists fixes for, and for no other', () => {
        const fixed = [...Object.keys(FIXERS), IssueCodes.TemporalMissingGuard].sort();
        expect(fixed).toEqual(catalogueEntries().filter(e => e.fixes).map(e => e.code).sort());
    });
});
