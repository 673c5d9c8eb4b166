import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject,
    type DeepPartial, type DefaultSharedCoreModuleContext, type LangiumCoreServices, type LangiumSharedCoreServices,
    type Module, type PartialLangiumCoreServices, type PartialLangiumSharedCoreServices
} from 'langium';
import { AlliumGeneratedModule, AlliumGeneratedSharedModule } from './generated/module.js';
import { AlliumLexer, AlliumTokenBuilder } from './allium-lexer.js';
import { AlliumParserErrorMessageProvider } from './parser-messages.js';
import { AlliumValueConverter } from './value-converter.js';
import { createAlliumParser } from './allium-parser.js';
import { AlliumLinker } from './linking/allium-linker.js';
import { AlliumAstNodeDescriptionProvider, AlliumAstNodeLocator, AlliumReferenceDescriptionProvider } from './workspace/ast-descriptions.js';
import { AlliumDocumentValidator } from './document-validator.js';
import { registerAlliumValidators } from './validation/register.js';
import { AlliumScopeProvider } from './scoping/scope-provider.js';
import { AlliumScopeComputation } from './scoping/scope-computation.js';
import { AlliumNameProvider } from './scoping/name-provider.js';
import { SpecTypes } from './typing/spec-types.js';
import { ImporterUses } from './validation/importer-uses.js';
import { ImportLoadingDocumentBuilder } from './workspace/import-loading-builder.js';
import { SplicingDocumentFactory } from './workspace/splicing-document-factory.js';
import { AlliumValidationRegistry } from './validation-registry.js';
import './ast/leaf-type-guards.js';

/** Services Allium adds to Langium's; extended as scoping and validation land. */
export type AlliumAddedServices = {
    validation: {
        DocumentValidator: AlliumDocumentValidator;
        /** What importing files use of each file; created with the validators, so it sees every build. */
        ImporterUses: ImporterUses;
    };
    typing: {
        SpecTypes: SpecTypes;
    };
};

export type AlliumServices = LangiumCoreServices & AlliumAddedServices;

export const AlliumModule: Module<AlliumServices, PartialLangiumCoreServices & AlliumAddedServices> = {
    parser: {
        TokenBuilder: () => new AlliumTokenBuilder(),
        Lexer: services => new AlliumLexer(services),
        LangiumParser: services => createAlliumParser(services),
        ParserErrorMessageProvider: () => new AlliumParserErrorMessageProvider(),
        ValueConverter: () => new AlliumValueConverter()
    },
    validation: {
        DocumentValidator: services => new AlliumDocumentValidator(services),
        ValidationRegistry: services => new AlliumValidationRegistry(services),
        ImporterUses: services => new ImporterUses(services)
    },
    typing: {
        SpecTypes: services => new SpecTypes(services)
    },
    references: {
        ScopeProvider: services => new AlliumScopeProvider(services),
        ScopeComputation: services => new AlliumScopeComputation(services),
        NameProvider: () => new AlliumNameProvider(),
        Linker: services => new AlliumLinker(services)
    },
    workspace: {
        AstNodeDescriptionProvider: services => new AlliumAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new AlliumReferenceDescriptionProvider(services),
        AstNodeLocator: () => new AlliumAstNodeLocator()
    }
};

/**
 * What Allium changes in Langium's shared services: imported files are loaded on demand (see
 * ImportLoadingDocumentBuilder), and an edit re-parses only the declarations it touched (SplicingDocumentFactory).
 */
export const AlliumSharedModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    workspace: {
        DocumentBuilder: services => new ImportLoadingDocumentBuilder(services),
        LangiumDocumentFactory: services => new SplicingDocumentFactory(services)
    }
};

/** Core services without an LSP connection, for the CLI, the generator and tests. */
export function createAlliumCoreServices(context: DefaultSharedCoreModuleContext, extra?: Module<AlliumServices, DeepPartial<AlliumServices>>): {
    shared: LangiumSharedCoreServices;
    Allium: AlliumServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), AlliumGeneratedSharedModule, AlliumSharedModule);
    const Allium = inject(createDefaultCoreModule({ shared }), AlliumGeneratedModule, AlliumModule, extra ?? {});
    shared.ServiceRegistry.register(Allium);
    registerAlliumValidators(Allium);
    return { shared, Allium };
}
