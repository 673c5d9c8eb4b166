import { ALL_CATEGORIES, AlliumDocumentValidator, catalogueEntry, IssueCodes, REFERENCE_CATEGORIES, withCodeDescription, type UnreachableTriggerData } from '@allium/language';
import type { Cancellation, LangiumDocument, ValidationCategory, ValidationOptions } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DIAGNOSTICS_MODES, Settings, type AlliumInitializationOptions, type DiagnosticsMode } from '@allium/generate';
import type { Diagnostic } from 'vscode-languageserver';
import type { TraceLinks } from './trace/trace-links.js';
import type { ProjectConfigs } from './workspace/project-configs.js';

/**
 * How much the editor reports, as the `allium.diagnostics.mode` setting (or the `diagnosticsMode` initialization
 * option of editors without settings) chooses:
 * - `strict`: every check, as JUXT's extension does by default, and a trigger the files importing a spec make
 *   happen is reachable;
 * - `relaxed`: as JUXT's relaxed mode, without the temporal-guard warning and with undeclared config
 *   references as information;
 * - `reference`: only what the reference `allium check` reports.
 * The reference mode leaves out the `extended` validation category; relaxed mode's changes are the catalogue's.
 */
const MODES = new Set<string>(DIAGNOSTICS_MODES);

export class DiagnosticsModes {
    mode: DiagnosticsMode = Settings['allium.diagnostics.mode'];

    constructor(private readonly shared: LangiumSharedServices) {
        this.askForCategories();
        shared.lsp.LanguageServer.onInitialize(params => {
            this.mode = modeOf((params.initializationOptions as AlliumInitializationOptions | undefined)?.diagnosticsMode) ?? this.mode;
            this.askForCategories();
        });
        const configuration = shared.workspace.ConfigurationProvider;
        configuration.onConfigurationSectionUpdate(update => {
            if (update.section === 'allium') {
                this.change(modeOf((update.configuration as { diagnostics?: { mode?: unknown } } | undefined)?.diagnostics?.mode));
            }
        });
        void configuration.ready.then(async () => this.change(modeOf((await configuration.getConfiguration('allium', 'diagnostics') as { mode?: unknown } | undefined)?.mode)));
    }

    /** The validation categories the mode runs, of those a build asks for (all, when it names none). */
    categories(requested: readonly ValidationCategory[] = ALL_CATEGORIES): ValidationCategory[] {
        const allowed = this.mode === 'reference' ? REFERENCE_CATEGORIES : ALL_CATEGORIES;
        return requested.filter(category => allowed.includes(category));
    }

    apply(diagnostics: Diagnostic[]): Diagnostic[] {
        if (this.mode === 'reference') {
            return diagnostics;
        }
        // The reference counts only this file and its imports as making a trigger happen; the editor sees the files
        // importing it too, and so does its hover.
        diagnostics = diagnostics.filter(d => d.code !== IssueCodes.RuleUnreachableTrigger || !(d.data as UnreachableTriggerData | undefined)?.offeredByImporter);
        if (this.mode !== 'relaxed') {
            return diagnostics;
        }
        return diagnostics.filter(d => catalogueEntry(d.code)?.relaxed !== 'off')
            .map(d => (catalogueEntry(d.code)?.relaxed === 'info' ? { ...d, severity: 3 /* Information */ } : d));
    }

    /** A new mode re-checks every open spec, so the editor shows what the mode reports. */
    private change(mode: DiagnosticsMode | undefined): void {
        if (!mode || mode === this.mode) {
            return;
        }
        this.mode = mode;
        this.askForCategories();
        const documents = this.shared.workspace.LangiumDocuments.all.toArray();
        void this.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    }

    /** Edits re-check with the mode's categories (Langium's default, `fast`, would leave the extended checks out). */
    private askForCategories(): void {
        this.shared.workspace.DocumentBuilder.updateBuildOptions = { validation: { categories: this.categories() } };
    }
}

function modeOf(value: unknown): DiagnosticsMode | undefined {
    return typeof value === 'string' && MODES.has(value) ? value as DiagnosticsMode : undefined;
}

/**
 * The language's validation, reporting what the chosen mode asks for, and, beyond what the reference checks, how the
 * spec stands against the code generated from it (drift, clauses without code, obligations without a test); then
 * as the project's `allium.config.json` sets severities and ignored codes.
 */
export class ModalDocumentValidator extends AlliumDocumentValidator {
    constructor(services: ConstructorParameters<typeof AlliumDocumentValidator>[0], private readonly modes: () => DiagnosticsModes, private readonly trace: () => TraceLinks,
        private readonly configs: () => ProjectConfigs) {
        super(services);
    }

    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const categories = this.modes().categories(options?.categories);
        const diagnostics = this.modes().apply(await super.validateDocument(document, { ...options, categories }, cancelToken));
        const all = this.modes().mode === 'reference' || document.parseResult.parserErrors.length > 0 ? diagnostics : [...diagnostics, ...this.trace().diagnostics(document).map(withCodeDescription)];
        return this.configs().apply(document.uri, all);
    }
}
