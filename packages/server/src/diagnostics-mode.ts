import { AlliumDocumentValidator, EXTENDED_CODES, UNREACHABLE_TRIGGER, type UnreachableTriggerData } from '@allium/language';
import type { Cancellation, LangiumDocument, ValidationOptions } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';
import type { TraceLinks } from './trace/trace-links.js';

/**
 * How much the editor reports, as the `allium.diagnostics.mode` setting (or the `diagnosticsMode` initialization
 * option of editors without settings) chooses:
 * - `strict`: every check, as JUXT's extension does by default, and a trigger the files importing a spec make
 *   happen is reachable;
 * - `relaxed`: as JUXT's relaxed mode, without the temporal-guard warning and with undeclared config
 *   references as information;
 * - `reference`: only what the reference `allium check` reports.
 */
export type DiagnosticsMode = 'strict' | 'relaxed' | 'reference';

const MODES = new Set<string>(['strict', 'relaxed', 'reference']);

export class DiagnosticsModes {
    mode: DiagnosticsMode = 'strict';

    constructor(private readonly shared: LangiumSharedServices) {
        shared.lsp.LanguageServer.onInitialize(params => {
            this.mode = modeOf((params.initializationOptions as { diagnosticsMode?: unknown } | undefined)?.diagnosticsMode) ?? this.mode;
        });
        const configuration = shared.workspace.ConfigurationProvider;
        configuration.onConfigurationSectionUpdate(update => {
            if (update.section === 'allium') {
                this.change(modeOf((update.configuration as { diagnostics?: { mode?: unknown } } | undefined)?.diagnostics?.mode));
            }
        });
        void configuration.ready.then(async () => this.change(modeOf((await configuration.getConfiguration('allium', 'diagnostics') as { mode?: unknown } | undefined)?.mode)));
    }

    apply(diagnostics: Diagnostic[]): Diagnostic[] {
        if (this.mode === 'reference') {
            return diagnostics.filter(d => !EXTENDED_CODES.has(String(d.code)));
        }
        // The reference counts only this file and its imports as making a trigger happen; the editor sees the files
        // importing it too, and so does its hover.
        diagnostics = diagnostics.filter(d => d.code !== UNREACHABLE_TRIGGER || !(d.data as UnreachableTriggerData | undefined)?.offeredByImporter);
        if (this.mode === 'relaxed') {
            return diagnostics.filter(d => d.code !== 'allium.temporal.missingGuard')
                .map(d => (d.code === 'allium.config.undefinedReference' ? { ...d, severity: 3 /* Information */ } : d));
        }
        return diagnostics;
    }

    /** A new mode re-checks every open spec, so the editor shows what the mode reports. */
    private change(mode: DiagnosticsMode | undefined): void {
        if (!mode || mode === this.mode) {
            return;
        }
        this.mode = mode;
        const documents = this.shared.workspace.LangiumDocuments.all.toArray();
        void this.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    }
}

function modeOf(value: unknown): DiagnosticsMode | undefined {
    return typeof value === 'string' && MODES.has(value) ? value as DiagnosticsMode : undefined;
}

/**
 * The language's validation, reporting what the chosen mode asks for, and, beyond what the reference checks, how the
 * spec stands against the code generated from it (drift, clauses without code, obligations without a test).
 */
export class ModalDocumentValidator extends AlliumDocumentValidator {
    constructor(services: ConstructorParameters<typeof AlliumDocumentValidator>[0], private readonly modes: () => DiagnosticsModes, private readonly trace: () => TraceLinks) {
        super(services);
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = this.modes().apply(await super.validateDocument(document, options, cancelToken));
        return this.modes().mode === 'reference' || document.parseResult.parserErrors.length > 0 ? diagnostics : [...diagnostics, ...this.trace().diagnostics(document)];
    }
}
