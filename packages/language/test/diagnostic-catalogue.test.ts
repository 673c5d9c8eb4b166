import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { catalogueEntries, catalogueEntry, Diagnostics, DIAGNOSTICS_DOC_URL, IssueCodes, parseAllium, REFERENCE_CATEGORIES, renderDiagnosticsDoc } from '../src/index.js';

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

describe('validation categories', () => {
    // The examples of the catalogue, which between them report every code (the corpus tests hold the rest).
    const specs = catalogueEntries().flatMap(e => [withMarker(e.bad), withMarker(e.good)]);

    it('every code a check reports is in the catalogue', async () => {
        const unknown = new Set<string>();
        for (const spec of specs) {
            for (const d of (await parseAllium(spec)).diagnostics) {
                if (!catalogueEntry(d.code)) {
                    unknown.add(String(d.code));
                }
            }
        }
        expect([...unknown]).toEqual([]);
    });

    it('the reference categories report no extended code, and with the extended category they report the rest', async () => {
        for (const spec of specs) {
            const all = (await parseAllium(spec)).diagnostics.map(key);
            const reference = (await parseAllium(spec, undefined, undefined, REFERENCE_CATEGORIES)).diagnostics;
            expect(reference.filter(d => catalogueEntry(d.code)?.kind === 'extended').map(key)).toEqual([]);
            const extended = all.filter(k => catalogueEntry(k.split(' ')[1])?.kind === 'extended');
            expect([...reference.map(key), ...extended].sort()).toEqual([...all].sort());
        }
    });
});

function key(d: Diagnostic): string {
    return `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.message}`;
}

describe('diagnostics documentation', () => {
    const ROOT = path.resolve(__dirname, '../../..');

    it('docs/diagnostics.md is the catalogue as written by scripts/diagnostics-doc.mjs', () => {
        // When this fails: npm run build && node scripts/diagnostics-doc.mjs
        expect(readFileSync(path.join(ROOT, 'docs/diagnostics.md'), 'utf8')).toBe(renderDiagnosticsDoc());
    });

    it('links each finding to the heading of its entry, in the repository package.json names', async () => {
        const repository = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { repository: { url: string } }).repository.url;
        expect(DIAGNOSTICS_DOC_URL).toBe(`${repository.replace(/\.git$/, '')}/blob/main/docs/diagnostics.md`);
        const [finding] = (await parseAllium(withMarker(Diagnostics.OpenQuestionPresent.bad))).diagnostics.filter(d => d.code === IssueCodes.OpenQuestionPresent);
        expect(finding.codeDescription?.href).toBe(`${DIAGNOSTICS_DOC_URL}#alliumopenquestionpresent`);
        expect(renderDiagnosticsDoc()).toContain('\n### allium.openQuestion.present\n');
    });

    it('no source outside the catalogue spells a code', () => {
        const literal = /['"]allium\.[a-z]+[A-Za-z]*(\.[a-z][A-Za-z]*)?['"]/g;
        const spelt = sourceFiles(path.join(ROOT, 'packages'))
            .filter(file => !file.endsWith('catalogue.ts'))
            .flatMap(file => [...readFileSync(file, 'utf8').matchAll(literal)].map(m => m[0].slice(1, -1)).filter(isCode => catalogueEntry(isCode)).map(code => `${path.relative(ROOT, file)}: ${code}`));
        expect(spelt).toEqual([]);
    });
});

function sourceFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            return ['node_modules', 'out', 'generated', 'test'].includes(entry.name) ? [] : sourceFiles(full);
        }
        return entry.name.endsWith('.ts') ? [full] : [];
    });
}
