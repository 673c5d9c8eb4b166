import type { LangiumDocument } from 'langium';
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { SpecTypes } from '@allium/language';
import { undefinedTypeFixes, unknownVariantFixes } from './declaration-fixes.js';
import { invalidCreatedStatusFixes, undeclaredTransitionFixes } from './status-fixes.js';
import { MISSING_TEMPORAL_GUARD, temporalGuardFix } from './temporal-guard.js';

const BY_CODE: Record<string, (document: LangiumDocument, diagnostic: CodeActionParams['context']['diagnostics'][number]) => CodeAction[]> = {
    'allium.status.undeclaredTransition': undeclaredTransitionFixes,
    'allium.created.invalidStatus': invalidCreatedStatusFixes,
    'allium.type.undefinedReference': undefinedTypeFixes,
    'allium.rule.undefinedTypeReference': undefinedTypeFixes,
    'allium.sum.discriminatorUnknownVariant': unknownVariantFixes
};

/**
 * Quick fixes for the diagnostics at hand. The temporal guard is also offered for the rule under the cursor without
 * its diagnostic, so it stays at hand where `allium.temporal.missingGuard` is suppressed.
 */
export function quickFixes(document: LangiumDocument, params: CodeActionParams, types: SpecTypes): CodeAction[] {
    const fixes = params.context.diagnostics.flatMap(diagnostic => BY_CODE[String(diagnostic.code)]?.(document, diagnostic) ?? []);
    const guardDiagnostic = params.context.diagnostics.find(d => d.code === MISSING_TEMPORAL_GUARD);
    const guard = temporalGuardFix(document, document.textDocument.offsetAt(guardDiagnostic?.range.start ?? params.range.start), types, guardDiagnostic);
    return guard ? [...fixes, guard] : fixes;
}
