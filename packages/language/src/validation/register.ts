import type { ValidationChecks } from 'langium';
import { EXTENDED_CATEGORY } from '../diagnostics/validation-categories.js';
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
import { checkDeferredLocationHint, checkExternalEntitySources, checkSurfaceBindings, usePathCheck } from './declaration-hints-validator.js';
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
import { checkContractTypes } from './contract-type-validator.js';

/**
 * The checks by the node they look at, as Langium's own validators register them. Checks of codes the reference
 * `allium check` reports come first; those of the catalogue's `extended` codes are in their own category, which
 * `allium check` and the editor's reference mode do not ask for. A check reports codes of one kind only.
 */
export function registerAlliumValidators(services: AlliumServices): void {
    const registry = services.validation.ValidationRegistry;
    const reference: ValidationChecks<AlliumAstType> = {
        Module: [
            checkVersionMarker,
            checkStatusLifecycles,
            triggerReachabilityCheck(services),
            ambiguousReferenceCheck(services),
            unusedDeclarationsCheck(services),
            unusedFieldsCheck(services),
            checkExternalEntitySources,
            checkTypeReferences,
            importAliasCheck(services),
            checkRuleBindings,
            checkConfigReferences,
            checkDiscriminators,
            checkRelatedSurfaces,
            checkDefaultLiterals
        ],
        Stray: checkStray,
        ListLiteral: checkListLiterals,
        RuleDecl: checkDuplicateLets,
        Annotation: checkAnnotation,
        Assignment: checkColonFormAnnotation,
        TriggerClause: checkTriggerForm,
        DeferredDecl: checkDeferredLocationHint,
        UseDecl: usePathCheck(services),
        SurfaceDecl: checkSurfaceBindings
    };
    const extended: ValidationChecks<AlliumAstType> = {
        Module: [
            checkDuplicateNames,
            checkUnusedActors,
            checkProvidedTriggers,
            whenFieldCheck(services),
            surfaceClauseCheck(services),
            checkVariants,
            checkBindingTypes,
            checkMissingVariantKeyword,
            checkMissingDiscriminator,
            unguardedVariantFieldCheck(services),
            defaultTypeCheck(services),
            statusValueCheck(services),
            checkRelationships,
            checkOverlappingRules,
            checkExpressionTypes
        ],
        EnumDecl: checkEmptyEnum,
        ConfigDecl: checkConfigParameters,
        EntityDecl: checkDerivedCycles,
        Call: checkImplicitLambda,
        TransitionsBlock: checkTerminalExits,
        RuleDecl: [
            checkRuleShape,
            checkNeverFires,
            (rule, accept) => checkAnnotationPlacement(rule.items, accept)
        ],
        ContractDecl: [(contract, accept) => checkAnnotationPlacement(contract.items, accept), checkContractTypes],
        OpenQuestion: checkOpenQuestion,
        SurfaceDecl: [
            (surface, accept) => checkAnnotationPlacement(surface.items, accept, SURFACE_TRAILING_CLAUSES),
            surfacePathCheck(services),
            surfaceGuardCheck(services)
        ]
    };
    registry.register(reference);
    registry.register(extended, undefined, EXTENDED_CATEGORY);
}
