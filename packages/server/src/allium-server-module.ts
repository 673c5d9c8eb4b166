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
import { createLazyCompletionParser } from './completion/lazy-completion-parser.js';
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
import { ProjectConfigs } from './workspace/project-configs.js';
import { registerUseTargetCheck } from './workspace/use-target-check.js';
import { AlliumLanguageServer } from './workspace/allium-language-server.js';
import { WorkspaceTriggerGraph } from './analysis/workspace-trigger-graph.js';
import { TriggerCallHierarchyProvider } from './call-hierarchy/trigger-call-hierarchy.js';
import { AlliumTypeDefinitionProvider } from './type-definition/type-definition-provider.js';
import { AlliumInlayHintProvider } from './inlay-hints/inlay-hint-provider.js';
import { InlayHintSettings } from './inlay-hints/inlay-hint-settings.js';
import { AlliumSignatureHelpProvider } from './signature-help/signature-help-provider.js';
import { AlliumSelectionRangeProvider, type SelectionRangeProvider } from './selection-ranges/selection-range-provider.js';
import { AlliumLinkedEditingRangeProvider, type LinkedEditingRangeProvider } from './linked-editing/linked-editing-provider.js';
import { WorkspaceSpecs } from './agents/workspace-specs.js';

/** Readings of a spec that several editor features share. */
export type AlliumAnalysisServices = {
    /** What the agent tools (`allium/tool/*`) read the workspace through. */
    agents: {
        WorkspaceSpecs: WorkspaceSpecs;
    };
    analysis: {
        FieldUses: FieldUses;
        TriggerGraph: WorkspaceTriggerGraph;
    };
    editor: {
        ClientOptions: ClientOptions;
        DiagnosticsModes: DiagnosticsModes;
        InlayHintSettings: InlayHintSettings;
        ProjectConfigs: ProjectConfigs;
    };
    /** Editor features Langium has no service for; their handlers are added in main.ts. */
    lsp: {
        SelectionRangeProvider: SelectionRangeProvider;
        LinkedEditingRangeProvider: LinkedEditingRangeProvider;
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
    agents: {
        WorkspaceSpecs: services => new WorkspaceSpecs(services.shared)
    },
    analysis: {
        FieldUses: services => new FieldUses(services, services.typing.SpecTypes),
        TriggerGraph: services => new WorkspaceTriggerGraph(services)
    },
    editor: {
        ClientOptions: services => new ClientOptions(services.shared),
        DiagnosticsModes: services => new DiagnosticsModes(services.shared),
        InlayHintSettings: services => new InlayHintSettings(services.shared),
        ProjectConfigs: services => new ProjectConfigs(services.shared)
    },
    trace: {
        CodeIndex: services => new CodeIndex(services.shared),
        TraceLinks: services => new TraceLinks(services, services.trace.CodeIndex)
    },
    validation: {
        DocumentValidator: services => new ModalDocumentValidator(services, () => services.editor.DiagnosticsModes, () => services.trace.TraceLinks, () => services.editor.ProjectConfigs)
    },
    parser: {
        CompletionParser: services => createLazyCompletionParser(services)
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
        DocumentSymbolProvider: services => new AlliumDocumentSymbolProvider(services),
        CallHierarchyProvider: services => new TriggerCallHierarchyProvider(services),
        TypeProvider: services => new AlliumTypeDefinitionProvider(services),
        InlayHintProvider: services => new AlliumInlayHintProvider(services, () => services.editor.InlayHintSettings),
        SignatureHelp: services => new AlliumSignatureHelpProvider(services),
        SelectionRangeProvider: () => new AlliumSelectionRangeProvider(),
        LinkedEditingRangeProvider: services => new AlliumLinkedEditingRangeProvider(services)
    }
};

export const AlliumSharedServerModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        LanguageServer: services => new AlliumLanguageServer(services),
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
    [Allium.editor.ClientOptions, Allium.editor.DiagnosticsModes, Allium.editor.InlayHintSettings, Allium.editor.ProjectConfigs, Allium.trace.TraceLinks,
        Allium.agents.WorkspaceSpecs].forEach(service => service.constructor);
    return { shared, Allium };
}
