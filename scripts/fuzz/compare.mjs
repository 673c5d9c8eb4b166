// What counts as a difference between the reference's findings and ours on one spec.

/** The reference gives syntax errors no code; ours carry allium.syntax. */
export const SYNTAX = 'allium.syntax';

/**
 * Our code for a reference finding without one: an error is a syntax error (or an unsupported version, which we
 * also report as one); the only warning without a code is the missing version marker.
 */
export function codeOfReference(finding) {
    return finding.code ?? (finding.severity === 'warning' ? 'allium.version.missing' : SYNTAX);
}

/**
 * Codes the reference reports from 3.6.1 on, which the 3.5.3 oracle cannot (docs/parity.md, "What reference 3.6.1
 * changed"): our findings of these are left out of the comparison and counted apart.
 */
export const SINCE_3_6_1 = new Set(['allium.reference.unresolvedImport']);

/** Line of the first syntax error, or 0 when there is none. */
export function firstSyntaxLine(findings) {
    const lines = findings.filter(f => f.code === SYNTAX).map(f => f.line);
    return lines.length > 0 ? Math.min(...lines) : 0;
}

/**
 * The differences on one spec, each with a signature that ignores line numbers, so a minimised case can be
 * checked for still showing the same difference.
 */
export function differences(reference, allOurs) {
    const found = [];
    const ours = allOurs.filter(f => !SINCE_3_6_1.has(f.code));
    const refSyntax = firstSyntaxLine(reference);
    const ourSyntax = firstSyntaxLine(ours);
    const syntaxAgrees = refSyntax === 0 ? ourSyntax === 0 : ourSyntax !== 0 && Math.abs(refSyntax - ourSyntax) <= 1;
    if (!syntaxAgrees) {
        const kind = refSyntax === 0 ? 'syntax-extra' : ourSyntax === 0 ? 'syntax-missed' : 'syntax-line';
        found.push({ kind, signature: kind, detail: `first syntax error: reference line ${refSyntax || '-'}, ours ${ourSyntax || '-'}` });
    }
    const referenceAccepts = !reference.some(f => f.severity === 'error');
    if (referenceAccepts) {
        for (const f of ours.filter(o => o.severity === 'error')) {
            found.push({ kind: 'false-error', signature: `false-error ${f.code}`, detail: `${f.line}:${f.column} ${f.code} ${f.message}` });
        }
    }
    const { missed, extra, matched } = matchCoded(reference, ours);
    for (const f of missed) {
        found.push({ kind: 'coded-missed', signature: `missed ${f.code}`, detail: `${f.line}:${f.column} ${f.code} ${f.message}` });
    }
    for (const f of extra) {
        found.push({ kind: 'coded-extra', signature: `extra ${f.code}`, detail: `${f.line}:${f.column} ${f.code} ${f.message}` });
    }
    return { found, syntaxAgrees, referenceAccepts, matched, missed: missed.length, extra: extra.length, since361: allOurs.length - ours.length };
}

/** Coded findings paired by (line, code), as `npm run parity` does. */
function matchCoded(reference, ours) {
    const unmatched = ours.filter(f => f.code !== SYNTAX);
    const missed = [];
    let matched = 0;
    for (const r of reference.filter(f => f.code !== SYNTAX)) {
        const i = unmatched.findIndex(o => o.code === r.code && o.line === r.line);
        if (i >= 0) {
            unmatched.splice(i, 1);
            matched++;
        } else {
            missed.push(r);
        }
    }
    return { matched, missed, extra: unmatched };
}
