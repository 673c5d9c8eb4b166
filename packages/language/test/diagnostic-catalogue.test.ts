import { describe, expect, it } from 'vitest';
import { catalogueEntries, parseAllium } from '../src/index.js';

/**
 * The examples of the catalogue are real: each `bad` spec reports its code (at its default severity) and each `good`
 * one does not. Codes whose example needs more than one file, or a file of millions of characters, or generated code,
 * are shown in words and checked by their own tests.
 */
const ILLUSTRATED = new Set(['guard', 'trace']);
const NEEDS_OTHER_FILES = new Set(['allium.use.ambiguousReference', 'allium.reference.unknownName']);

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' } as const;

describe('diagnostic catalogue', () => {
    const checked = catalogueEntries().filter(e => !ILLUSTRATED.has(e.kind) && !NEEDS_OTHER_FILES.has(e.code));
    it.each(checked.map(e => [e.code, e]))('%s: the bad example reports it, the good one does not', async (_code, entry) => {
        const bad = (await parseAllium(withMarker(entry.bad))).diagnostics.filter(d => d.code === entry.code);
        expect(bad.map(d => SEVERITY[d.severity as 1 | 2 | 3 | 4])).toContain(entry.severity);
        const good = (await parseAllium(withMarker(entry.good))).diagnostics.filter(d => d.code === entry.code);
        expect(good.map(d => d.message)).toEqual([]);
    });
});

function withMarker(spec: string): string {
    return spec.startsWith('-- allium:') || spec.startsWith('-- orders') ? spec : `-- allium: 3\n${spec}`;
}
