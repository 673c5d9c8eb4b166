import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices,
    type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { AlliumGeneratedModule, AlliumGeneratedSharedModule, AlliumModule, AlliumSharedModule, registerAlliumValidators, type AlliumAddedServices } from '@allium/language';
import { AlliumHoverProvider } from './hover/hover-provider.js';
import { AlliumCodeActionProvider } from './code-actions.js';
import { AlliumCodeLensProvider } from './code-lenses.js';
import { AlliumDocumentLinkProvider } from './document-links.js';
import { AlliumFormatter } from './formatting/formatter.js';
import { AlliumCompletionProvider } from './completion/completion-provider.js';
import { AlliumRenameProvider } from './rename-provider.js';
import { AlliumSemanticTokenProvider } from './semantic-tokens.js';
import { AlliumFoldingRangeProvider } from './folding-ranges.js';
import { AlliumDocumentSymbolProvider } from './symbols/document-symbols.js';
import { AlliumNodeKindProvider } from './symbols/node-kinds.js';
import { FieldUses } from './analysis/field-uses.js';
import { AlliumReferences } from './analysis/field-references.js';
import { ClientOptions } from './client-options.js';
import { DiagnosticsModes, ModalDocumentValidator } from './diagnostics-mode.js';
import { CodeIndex } from './trace/code-index.js';
import { TraceLinks } from './trace/trace-links.js';
import { TraceImplementationProvider } from './trace/implementation-provider.js';
import { GuardedDocumentUpdateHandler } from './workspace/guarded-update-handler.js';
import { CheckedTextDocuments } from './workspace/checked-text-documents.js';
import { InitializedWorkspaceManager } from './workspace/initialized-workspace-manager.js';
import { registerUseTargetCheck } from './workspace/use-target-check.js';

/** Readings of a spec that several editor features share. */
export type AlliumAnalysisServices = {
    analysis: {
        FieldUses: FieldUses;
    };
    editor: {
        ClientOptions: ClientOptions;
        DiagnosticsModes: DiagnosticsModes;
    };
    /** The generated code of the workspace and its links to the specs. */
    trace: {
        CodeIndex: CodeIndex;
        TraceLinks: TraceLinks;
    };
};

export type AlliumLspServices = LangiumServices & AlliumAddedServices & AlliumAnalysisServices;

/** What the language server adds to the core language services: the editor features. */
export const AlliumServerModule: Module<AlliumLspServices, PartialLangiumServices & AlliumAnalysisServices> = {
    analysis: {
        FieldUses: services => new FieldUses(services, services.typing.SpecTypes)
    },
    editor: {
        ClientOptions: services => new ClientOptions(services.shared),
        DiagnosticsModes: services => new DiagnosticsModes(services.shared)
    },
    trace: {
        CodeIndex: services => new CodeIndex(services.shared),
        TraceLinks: services => new TraceLinks(services, services.trace.CodeIndex)
    },
    validation: {
        DocumentValidator: services => new ModalDocumentValidator(services, () => services.editor.DiagnosticsModes, () => services.trace.TraceLinks)
    },
    references: {
        References: services => new AlliumReferences(services)
    },
    lsp: {
        HoverProvider: services => new AlliumHoverProvider(services),
        CodeActionProvider: services => new AlliumCodeActionProvider(services),
        CodeLensProvider: services => new AlliumCodeLensProvider(services),
        ImplementationProvider: services => new TraceImplementationProvider(() => services.trace.TraceLinks),
        DocumentLinkProvider: () => new AlliumDocumentLinkProvider(),
        Formatter: services => new AlliumFormatter(services),
        CompletionProvider: services => new AlliumCompletionProvider(services),
        RenameProvider: services => new AlliumRenameProvider(services),
        SemanticTokenProvider: services => new AlliumSemanticTokenProvider(services),
        FoldingRangeProvider: services => new AlliumFoldingRangeProvider(services),
        DocumentSymbolProvider: services => new AlliumDocumentSymbolProvider(services)
    }
};

export const AlliumSharedServerModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        NodeKindProvider: () => new AlliumNodeKindProvider(),
        DocumentUpdateHandler: services => new GuardedDocumentUpdateHandler(services)
    },
    workspace: {
        TextDocuments: () => new CheckedTextDocuments(),
        WorkspaceManager: services => new InitializedWorkspaceManager(services)
    }
};

export function createAlliumLspServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Allium: AlliumLspServices } {
    const shared = inject(createDefaultSharedModule(context), AlliumGeneratedSharedModule, AlliumSharedModule, AlliumSharedServerModule);
    const Allium = inject(createDefaultModule({ shared }), AlliumGeneratedModule, AlliumModule, AlliumServerModule) as AlliumLspServices;
    shared.ServiceRegistry.register(Allium);
    registerAlliumValidators(Allium);
    registerUseTargetCheck(Allium);
    // Created now, not on first use, so that they hear the initialize request.
    [Allium.editor.ClientOptions, Allium.editor.DiagnosticsModes, Allium.trace.TraceLinks].forEach(service => service.constructor);
    return { shared, Allium };
}
