import type { ValidationChecks } from 'langium';
import type { AlliumAstType } from '../generated/ast.js';
import type { AlliumServices } from '../allium-module.js';
import { checkStray } from './syntax-validator.js';
import { checkDefaultLiterals, checkListLiterals } from './default-list-validator.js';
import { checkDiscriminators, checkRelatedSurfaces } from './sum-surface-validator.js';
import { checkConfigReferences, checkDuplicateLets } from './config-let-validator.js';
import { checkRuleBindings } from './binding-validator.js';
import { importAliasCheck } from './import-alias-validator.js';
import { checkTypeReferences } from './type-reference-validator.js';
import { checkTriggerForm } from './trigger-form-validator.js';
import { checkDeferredLocationHint, checkExternalEntitySources, checkSurfaceBindings, checkUsePath } from './declaration-hints-validator.js';
import { checkStatusLifecycles } from './status-validator.js';
import { triggerReachabilityCheck } from './trigger-validator.js';
import { ambiguousReferenceCheck } from './ambiguous-reference-validator.js';
import { unusedDeclarationsCheck, unusedFieldsCheck } from './unused-validator.js';
import { checkOpenQuestion } from './open-question-validator.js';
import { checkRuleShape } from './rule-shape-validator.js';
import { checkDuplicateNames } from './duplicate-name-validator.js';
import { checkProvidedTriggers, checkUnusedActors } from './surface-usage-validator.js';
import { whenFieldCheck } from './when-field-validator.js';
import { surfaceClauseCheck } from './surface-clause-validator.js';
import { checkTerminalExits } from './transition-graph-validator.js';
import { checkEmptyEnum } from './enum-validator.js';
import { checkVariants } from './variant-validator.js';
import { checkMissingDiscriminator, checkMissingVariantKeyword, unguardedVariantFieldCheck } from './sum-type-validator.js';
import { checkBindingTypes } from './binding-type-validator.js';
import { checkDerivedCycles } from './derived-value-validator.js';
import { checkImplicitLambda } from './collection-validator.js';
import { checkAnnotation, checkAnnotationPlacement, checkColonFormAnnotation, SURFACE_TRAILING_CLAUSES } from './annotation-validator.js';
import { checkNeverFires, checkOverlappingRules } from './rule-overlap-validator.js';
import { checkExpressionTypes } from './expression-type-validator.js';
import { defaultTypeCheck } from './default-type-validator.js';
import { statusValueCheck } from './status-value-validator.js';
import { checkConfigParameters } from './config-parameter-validator.js';
import { checkRelationships } from './relationship-validator.js';
import { surfacePathCheck } from './surface-path-validator.js';
import { surfaceGuardCheck } from './surface-guard-validator.js';
import { checkVersionMarker } from './version-validator.js';
import { checkContractTypes, CONTRACT_UNDEFINED_TYPE } from './contract-type-validator.js';

/**
 * Codes of the checks that JUXT's VS Code extension runs, or the language reference's validation rules ask for, but
 * its `allium check` CLI does not. The editor reports them; `allium check` leaves them out unless asked
 * (`--extended`), so it can stand in for the reference CLI in CI.
 */
export const EXTENDED_CODES: ReadonlySet<string> = new Set([
    'allium.openQuestion.present', 'allium.rule.missingWhen', 'allium.rule.missingEnsures', 'allium.temporal.missingGuard',
    'allium.enum.duplicateLiteral', 'allium.config.duplicateKey', 'allium.context.duplicateBinding', 'allium.default.duplicateName',
    'allium.actor.unused', 'allium.surface.undefinedProvidesTrigger', 'allium.annotation.placement',
    'allium.field.whenNotSet', 'allium.field.whenNotCleared', 'allium.surface.timeoutUndefined', 'allium.surface.timeoutNotTemporal',
    'allium.surface.relatedContextMismatch', 'allium.transitions.terminalExit', 'allium.enum.empty',
    'allium.sum.variantMissingInDiscriminator', 'allium.sum.baseInstantiation', 'allium.context.undefinedType', 'allium.surface.missingActor',
    'allium.derived.circularDependency', 'allium.expression.implicitLambda',
    'allium.rule.neverFires', 'allium.rule.duplicateBehavior', 'allium.rule.potentialShadow', 'allium.expression.typeMismatch',
    'allium.expression.inlineEnumComparison',
    'allium.default.undefinedType', 'allium.status.undefinedValue', 'allium.config.invalidParameter',
    'allium.relationship.missingBackreference', 'allium.where.thisReference', 'allium.relationship.nonSingularTarget',
    'allium.sum.missingVariantKeyword', 'allium.sum.unguardedVariantFieldAccess', 'allium.sum.missingDiscriminator', 'allium.sum.undefinedBase',
    'allium.surface.undefinedPath', 'allium.surface.unusedPath', 'allium.surface.nonCollectionIteration', 'allium.surface.impossibleWhen',
    CONTRACT_UNDEFINED_TYPE
]);

/** One entry per concern; each validator lives in its own file in this folder. */
export function registerAlliumValidators(services: AlliumServices): void {
    const checks: ValidationChecks<AlliumAstType> = {
        Stray: checkStray,
        Module: [checkVersionMarker, checkStatusLifecycles, triggerReachabilityCheck(services), ambiguousReferenceCheck(services), unusedDeclarationsCheck(services), unusedFieldsCheck(services), checkExternalEntitySources, checkTypeReferences, importAliasCheck(services), checkRuleBindings, checkConfigReferences, checkDiscriminators, checkRelatedSurfaces, checkDefaultLiterals,
            checkDuplicateNames, checkUnusedActors, checkProvidedTriggers, whenFieldCheck(services), surfaceClauseCheck(services),
            checkVariants, checkBindingTypes, checkMissingVariantKeyword, checkMissingDiscriminator, unguardedVariantFieldCheck(services),
            defaultTypeCheck(services), statusValueCheck(services), checkRelationships,
            checkOverlappingRules, checkExpressionTypes],
        EnumDecl: checkEmptyEnum,
        ConfigDecl: checkConfigParameters,
        EntityDecl: checkDerivedCycles,
        Call: checkImplicitLambda,
        TransitionsBlock: checkTerminalExits,
        ListLiteral: checkListLiterals,
        RuleDecl: [checkDuplicateLets, checkRuleShape, checkNeverFires, (rule, accept) => checkAnnotationPlacement(rule.items, accept)],
        ContractDecl: [(contract, accept) => checkAnnotationPlacement(contract.items, accept), checkContractTypes],
        Annotation: checkAnnotation,
        Assignment: checkColonFormAnnotation,
        OpenQuestion: checkOpenQuestion,
        TriggerClause: checkTriggerForm,
        DeferredDecl: checkDeferredLocationHint,
        UseDecl: checkUsePath,
        SurfaceDecl: [checkSurfaceBindings, (surface, accept) => checkAnnotationPlacement(surface.items, accept, SURFACE_TRAILING_CLAUSES), surfacePathCheck(services), surfaceGuardCheck(services)]
    };
    services.validation.ValidationRegistry.register(checks);
}
