import type { LangiumSharedServices } from 'langium/lsp';

/**
 * Whether type hints are shown: the `allium.inlayHints.enabled` setting, or the `inlayHints` initialization option
 * of editors without settings. Off by default; a change asks the editor to fetch the hints again.
 */
export class InlayHintSettings {
    enabled = false;

    constructor(private readonly shared: LangiumSharedServices) {
        shared.lsp.LanguageServer.onInitialize(params => {
            this.enabled = (params.initializationOptions as { inlayHints?: unknown } | undefined)?.inlayHints === true;
        });
        const configuration = shared.workspace.ConfigurationProvider;
        configuration.onConfigurationSectionUpdate(update => {
            if (update.section === 'allium') {
                this.change((update.configuration as { inlayHints?: { enabled?: unknown } } | undefined)?.inlayHints?.enabled);
            }
        });
        void configuration.ready.then(async () => this.change((await configuration.getConfiguration('allium', 'inlayHints') as { enabled?: unknown } | undefined)?.enabled));
    }

    private change(enabled: unknown): void {
        if (typeof enabled !== 'boolean' || enabled === this.enabled) {
            return;
        }
        this.enabled = enabled;
        void this.shared.lsp.Connection?.languages.inlayHint.refresh().catch(() => undefined);
    }
}
