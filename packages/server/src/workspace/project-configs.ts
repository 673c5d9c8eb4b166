import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CONFIG_FILE_NAME, configuredSeverity, DEFAULT_CONFIG, isSpecIncluded, parseAlliumConfig, type AlliumConfig, type FindingSeverity } from '@allium/language';
import { DiagnosticSeverity, FileChangeType, MessageType, ShowMessageNotification, type Diagnostic } from 'vscode-languageserver';

interface Project {
    dir: string;
    config: AlliumConfig;
}

const SEVERITY: Record<FindingSeverity, DiagnosticSeverity> = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information };

/**
 * The `allium.config.json` a spec falls under, as `allium check` reads it: the nearest one in the spec's folder or
 * above. Its severity overrides and ignored codes apply to the diagnostics the server publishes, and a spec its
 * globs leave out gets none. When a config file changes (reported by the editor, or by the server's own watcher),
 * it is read again and every spec is checked again. A config that cannot be used is reported to the user and
 * counts as absent until it is fixed.
 */
export class ProjectConfigs {
    /** By folder: the project whose config is found from there, or null where none is. */
    private readonly byFolder = new Map<string, Project | null>();

    constructor(private readonly shared: LangiumSharedServices) {
        shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(({ changes }) => {
            if (changes.some(change => path.basename(URI.parse(change.uri).path) === CONFIG_FILE_NAME)) {
                this.reload(changes.filter(change => change.type !== FileChangeType.Deleted).map(change => URI.parse(change.uri)));
            }
        });
    }

    /** The diagnostics of a spec as its project's config reports them. */
    apply(uri: URI, diagnostics: Diagnostic[]): Diagnostic[] {
        const project = uri.scheme === 'file' ? this.projectOf(path.dirname(uri.fsPath)) : undefined;
        if (!project) {
            return diagnostics;
        }
        if (!isSpecIncluded(project.config, path.relative(project.dir, uri.fsPath).split(path.sep).join('/'))) {
            return [];
        }
        return diagnostics.flatMap(diagnostic => {
            const given = severityOf(diagnostic);
            const severity = configuredSeverity(project.config, typeof diagnostic.code === 'string' ? diagnostic.code : undefined, given);
            return severity === undefined ? [] : [severity === given ? diagnostic : { ...diagnostic, severity: SEVERITY[severity] }];
        });
    }

    private projectOf(dir: string): Project | undefined {
        const known = this.byFolder.get(dir);
        if (known !== undefined) {
            return known ?? undefined;
        }
        const file = path.join(dir, CONFIG_FILE_NAME);
        const parent = path.dirname(dir);
        const project = existsSync(file) ? this.read(file) : parent === dir ? undefined : this.projectOf(parent);
        this.byFolder.set(dir, project ?? null);
        return project;
    }

    private read(file: string): Project | undefined {
        try {
            return { dir: path.dirname(file), config: parseAlliumConfig(readFileSync(file, 'utf8'), file) };
        } catch (error) {
            const message = `Allium: ${error instanceof Error ? error.message : String(error)}\nIts settings are not applied until it is fixed.`;
            this.shared.lsp.Connection?.console.warn(message);
            // A notification, not window.showWarningMessage: that is a request, which editors without message actions refuse.
            void this.shared.lsp.Connection?.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
            return { dir: path.dirname(file), config: DEFAULT_CONFIG };
        }
    }

    /** Forgets what was read and checks every spec again, reading changed configs now so that a bad one is told at once. */
    private reload(changed: URI[]): void {
        this.byFolder.clear();
        for (const uri of changed.filter(u => path.basename(u.path) === CONFIG_FILE_NAME)) {
            this.projectOf(path.dirname(uri.fsPath));
        }
        const documents = this.shared.workspace.LangiumDocuments.all.toArray();
        void this.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    }
}

function severityOf(diagnostic: Diagnostic): FindingSeverity {
    return diagnostic.severity === DiagnosticSeverity.Error ? 'error' : diagnostic.severity === DiagnosticSeverity.Warning ? 'warning' : 'info';
}
