import { IssueCodes, type IssueCode, type SpecTypes } from '@allium/language';
import type { LangiumDocument } from 'langium';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { undefinedTypeFixes, unknownVariantFixes } from './declaration-fixes.js';
import { isSafe } from './edits.js';
import { explicitLambdaFix } from './lambda-fix.js';
import { invalidCreatedStatusFixes, undeclaredTransitionFixes } from './status-fixes.js';
import { suppressFix } from './suppress.js';
import { temporalGuardFix } from './temporal-guard.js';
import { undefinedPathFixes, undefinedValueFixes, variantKeywordFixes } from './value-fixes.js';

type Fixer = (document: LangiumDocument, diagnostic: Diagnostic) => CodeAction[];

/** The fixes of each code the catalogue lists fixes for (the temporal guard, which needs the spec's types, apart). */
export const FIXERS: Partial<Record<IssueCode, Fixer>> = {
    [IssueCodes.StatusUndeclaredTransition]: undeclaredTransitionFixes,
    [IssueCodes.CreatedInvalidStatus]: invalidCreatedStatusFixes,
    [IssueCodes.TypeUndefinedReference]: undefinedTypeFixes,
    [IssueCodes.RuleUndefinedTypeReference]: undefinedTypeFixes,
    [IssueCodes.SumDiscriminatorUnknownVariant]: unknownVariantFixes,
    [IssueCodes.ExpressionImplicitLambda]: explicitLambdaFix,
    [IssueCodes.DefaultUndefinedType]: undefinedTypeFixes,
    [IssueCodes.StatusUndefinedValue]: undefinedValueFixes,
    [IssueCodes.SurfaceUndefinedPath]: undefinedPathFixes,
    [IssueCodes.SumMissingVariantKeyword]: variantKeywordFixes
};


export const FIX_ALL_KIND = 'source.fixAll.allium';

/**
 * Quick fixes for the diagnostics at hand, then a way to silence each. The temporal guard is also offered for the
 * rule under the cursor without its diagnostic, so it stays at hand where `allium.temporal.missingGuard` is suppressed.
 */
export function quickFixes(document: LangiumDocument, params: CodeActionParams, types: SpecTypes): CodeAction[] {
    const diagnostics = params.context.diagnostics;
    const fixes = diagnostics.flatMap(diagnostic => FIXERS[diagnostic.code as IssueCode]?.(document, diagnostic) ?? []);
    const guardDiagnostic = diagnostics.find(d => d.code === IssueCodes.TemporalMissingGuard);
    const guard = temporalGuardFix(document, document.textDocument.offsetAt(guardDiagnostic?.range.start ?? params.range.start), types, guardDiagnostic);
    const suppressions = diagnostics.map(d => suppressFix(document, d)).filter(a => a !== undefined);
    return [...fixes, ...(guard ? [guard] : []), ...suppressions];
}

/**
 * Every safe fix of the document's findings, as one action (`source.fixAll`, which editors can run on save). Safe
 * fixes complete what the spec already says (a misspelt value or field, a guard read off the rule, an explicit lambda,
 * a missing `variant` keyword);
 * declaring a type, a state or a transition is a design choice, left to the author one finding at a time. A fix whose
 * edits overlap one already taken waits for the next run, when the spec has been checked again.
 */
export function fixAll(document: LangiumDocument, types: SpecTypes): CodeAction | undefined {
    const taken: TextEdit[] = [];
    const seen = new Set<string>();
    let fixed = 0;
    for (const diagnostic of document.diagnostics ?? []) {
        const fix = diagnostic.code === IssueCodes.TemporalMissingGuard
            ? temporalGuardFix(document, document.textDocument.offsetAt(diagnostic.range.start), types, diagnostic)
            : FIXERS[diagnostic.code as IssueCode]?.(document, diagnostic).find(isSafe);
        const edits = (isSafe(fix) ? fix!.edit?.changes?.[document.uri.toString()] ?? [] : []).filter(e => !seen.has(key(e)));
        if (edits.length === 0 || edits.some(e => taken.some(t => overlaps(e, t)))) {
            continue;
        }
        edits.forEach(e => seen.add(key(e)));
        taken.push(...edits);
        fixed++;
    }
    if (fixed === 0) {
        return undefined;
    }
    return {
        title: `Fix all safe Allium findings (${fixed})`,
        kind: FIX_ALL_KIND,
        edit: { changes: { [document.uri.toString()]: taken } }
    };
}

function key(edit: TextEdit): string {
    return `${edit.range.start.line}:${edit.range.start.character}-${edit.range.end.line}:${edit.range.end.character}=${edit.newText}`;
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
    const before = (x: TextEdit['range']['end'], y: TextEdit['range']['start']) => x.line < y.line || (x.line === y.line && x.character <= y.character);
    return !(before(a.range.end, b.range.start) || before(b.range.end, a.range.start));
}
