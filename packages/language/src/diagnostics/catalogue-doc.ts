import type { Diagnostic } from 'vscode-languageserver-types';
import { catalogueEntries, catalogueEntry, type CatalogueEntry, type CatalogueKind } from './catalogue.js';

/** Where `docs/diagnostics.md` is published: the repository of package.json, its main branch. */
export const DIAGNOSTICS_DOC_URL = 'https://example.invalid/allium-editor/blob/main/docs/diagnostics.md';

/** The anchor of a code's entry, as Markdown renderers make it from the entry's heading (the code itself). */
export function catalogueAnchor(code: string): string {
    return code.toLowerCase().replace(/[^a-z0-9 _-]/g, '').replace(/ /g, '-');
}

/** The link of each code that has an entry, made once per code: a large spec has thousands of findings of a few codes. */
const entryLinks = new Map<string | number, string | undefined>();

/** Links the diagnostic to its entry (LSP `codeDescription`, which editors show as a link on the code). */
export function withCodeDescription(diagnostic: Diagnostic): Diagnostic {
    if (diagnostic.codeDescription || diagnostic.code === undefined) {
        return diagnostic;
    }
    let href = entryLinks.get(diagnostic.code);
    if (href === undefined && !entryLinks.has(diagnostic.code)) {
        href = catalogueEntry(diagnostic.code) ? `${DIAGNOSTICS_DOC_URL}#${catalogueAnchor(String(diagnostic.code))}` : undefined;
        entryLinks.set(diagnostic.code, href);
    }
    if (href !== undefined) {
        diagnostic.codeDescription = { href };
    }
    return diagnostic;
}

const KINDS: Record<CatalogueKind, string> = {
    reference: 'Reported by the reference `allium check` too',
    extended: "Extended checks: the editor's strict and relaxed modes, and `allium check --extended`",
    guard: "The checker's own guards, reported everywhere",
    trace: 'Links to generated code, reported in the editor'
};

/** `docs/diagnostics.md`, written from the catalogue by `node scripts/diagnostics-doc.mjs`. */
export function renderDiagnosticsDoc(): string {
    const entries = catalogueEntries();
    const out = [
        '# Diagnostics',
        '',
        '<!-- Generated from packages/language/src/diagnostics/catalogue.ts by `node scripts/diagnostics-doc.mjs`; do not edit. -->',
        '',
        'Every code Allium reports, with its default severity and what to do about it. The editor links each finding to',
        'its entry here. `-- allium-ignore CODE` on the line above a finding silences it (syntax errors excepted).',
        ''
    ];
    for (const kind of Object.keys(KINDS) as CatalogueKind[]) {
        const ofKind = entries.filter(e => e.kind === kind);
        out.push(`## ${KINDS[kind]}`, '', '| Code | Severity | Title |', '| --- | --- | --- |');
        out.push(...ofKind.map(e => `| [\`${e.code}\`](#${catalogueAnchor(e.code)}) | ${e.severity} | ${e.title} |`), '');
        for (const entry of ofKind) {
            out.push(...section(entry));
        }
    }
    return out.join('\n');
}

function section(entry: CatalogueEntry): string[] {
    const example = (label: string, text: string) => [`${label}:`, '', '```allium', text.trimEnd(), '```', ''];
    return [
        `### ${entry.code}`,
        '',
        `**${entry.title}** (${entry.severity}${entry.relaxed ? `; relaxed mode: ${entry.relaxed === 'off' ? 'not reported' : 'information'}` : ''})`,
        '',
        entry.explanation,
        '',
        ...example('Reported', entry.bad),
        ...example('Not reported', entry.good),
        ...(entry.fixes ? ['Quick fixes: ' + entry.fixes.join('; ') + '.', ''] : [])
    ];
}
