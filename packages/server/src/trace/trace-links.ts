import { IssueCodes, withCodeDescription } from '@allium/language';
import { URI, WorkspaceCache, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Diagnostic, Location, Range } from 'vscode-languageserver';
import { idResolver, obligationsByOwner, scanMarkers, SpecSet, setClauses, setObligations, traceReport, type ClauseStatus, type LocatedRegion, type ObligationStatus, type SetClause, type TraceReport } from '@allium/generate';
import type { AlliumServices } from '@allium/language';
import type { CodeIndex } from './code-index.js';

/** How one spec file stands against the workspace's generated code. */
export interface DocumentTrace {
    report: TraceReport;
    clauses: SetClause[];
    byId: Map<string, ClauseStatus>;
    obligationsByOwner: Map<string, ObligationStatus[]>;
}

/**
 * The links between the specs of the workspace and the generated code the code index found: for a spec file, its
 * clauses with their code regions and tests and whether they drifted; for a code file, the clause each marker names.
 * Clause ids are qualified by module names worked out over all the workspace's specs, as a generation of the
 * whole workspace would name them. Worked out once per state of the workspace and of the code.
 */
export class TraceLinks {
    private readonly workspace: WorkspaceCache<'set', SpecSet>;
    private readonly documents: WorkspaceCache<string, DocumentTrace>;
    private readonly ids: WorkspaceCache<'ids', ReturnType<TraceLinks['known']>>;
    /** Code files whose markers were reported on, so a fixed file's findings are cleared. */
    private readonly reported = new Set<string>();

    constructor(private readonly services: AlliumServices, private readonly index: CodeIndex) {
        this.workspace = new WorkspaceCache(services.shared);
        this.documents = new WorkspaceCache(services.shared);
        this.ids = new WorkspaceCache(services.shared);
        index.onDidChange(() => {
            this.documents.clear();
            void this.recheck(services.shared as LangiumSharedServices);
        });
    }

    /** The whole workspace as one spec set: its module names are the ones the code's markers use. */
    specSet(): SpecSet {
        return this.workspace.get('set', () => new SpecSet(this.services, this.services.shared.workspace.LangiumDocuments.all.toArray()));
    }

    of(document: LangiumDocument): DocumentTrace | undefined {
        const set = this.specSet();
        const module = set.modules.find(m => m.uri === document.uri.toString());
        if (!module) {
            return undefined;
        }
        return this.documents.get(module.uri, () => {
            const clauses = setClauses(set, [module]);
            const report = traceReport({ clauses, obligations: setObligations(set, [module]), regions: this.index.regions(), records: this.index.records() });
            return { report, clauses, byId: new Map(report.clauses.map(c => [c.clause.id, c])), obligationsByOwner: obligationsByOwner(report.obligations) };
        });
    }

    /** The innermost clause of a spec file at an offset, with how it stands. */
    clauseAt(document: LangiumDocument, offset: number): ClauseStatus | undefined {
        const trace = this.of(document);
        const containing = trace?.clauses.filter(c => c.node.$cstNode && c.node.$cstNode.offset <= offset && offset <= c.node.$cstNode.end)
            .sort((a, b) => a.node.$cstNode!.length - b.node.$cstNode!.length);
        return containing?.length ? trace!.byId.get(containing[0].id) : undefined;
    }

    /** What the editor says about a spec file's links: drift, clauses without code, obligations without a test. */
    diagnostics(document: LangiumDocument): Diagnostic[] {
        // With no marker and no generation record in the workspace every clause is untraced, which is never reported;
        // working that out would read every clause and obligation of the spec again on each keystroke.
        if (this.index.regions().length === 0 && this.index.records().length === 0) {
            return [];
        }
        const trace = this.of(document);
        if (!trace) {
            return [];
        }
        const diagnostics: Diagnostic[] = [];
        const declarations = new Map(trace.report.clauses.filter(c => c.clause.id === c.clause.owner).map(c => [c.clause.id, c]));
        const implementedClauses = new Set(trace.report.clauses.filter(c => c.clause.id !== c.clause.owner && c.implementations.length).map(c => c.clause.owner));
        for (const status of trace.report.clauses) {
            const range = firstLine(status.clause.range);
            if (status.state === 'drifted') {
                const where = status.implementations.length ? ` The code at ${status.implementations.map(describe).join(', ')} may no longer match.` : '';
                diagnostics.push({
                    range, severity: DiagnosticSeverity.Warning, code: IssueCodes.TraceDrifted, source: 'allium',
                    message: `${status.clause.id} changed since its code was generated (${status.recorded!.model}, ${status.recorded!.generatedAt.slice(0, 10)}).${where} Regenerate the clause, or update the code and generate again.`,
                    data: { clauseId: status.clause.id }
                });
            } else if (status.state === 'unimplemented') {
                const isDeclaration = status.clause.id === status.clause.owner;
                const declaration = declarations.get(status.clause.owner);
                // A declaration with no code at all is one finding, not one per clause; a clause of a declaration whose
                // other clauses carry markers is its own.
                const report = isDeclaration ? !implementedClauses.has(status.clause.id) : declaration?.state !== 'unimplemented' || implementedClauses.has(status.clause.owner);
                if (report) {
                    diagnostics.push({
                        range, severity: DiagnosticSeverity.Information, code: IssueCodes.TraceUnimplemented, source: 'allium',
                        message: `No generated code carries the markers of ${status.clause.id}: it was added after the code was generated, or its code was removed.`,
                        data: { clauseId: status.clause.id }
                    });
                }
            }
        }
        for (const [owner, obligations] of trace.obligationsByOwner) {
            const untested = obligations.filter(o => o.state === 'untested' || o.state === 'drifted');
            const declaration = declarations.get(owner);
            if (untested.length && declaration && declaration.state !== 'untraced') {
                diagnostics.push({
                    range: firstLine(declaration.clause.range), severity: DiagnosticSeverity.Information, code: IssueCodes.TraceUntested, source: 'allium',
                    message: `${untested.length} of the ${obligations.length} test obligations of ${owner} ${untested.length === 1 ? 'has' : 'have'} no current test: ${untested.map(o => `${o.obligation.obligation}${o.state === 'drifted' ? ' (spec changed since)' : ''}`).join(', ')}.`
                });
            }
        }
        return diagnostics;
    }

    /** The markers of a code file that name no clause or obligation of the workspace's specs. */
    unknownMarkers(uri: string): LocatedRegion[] {
        const { resolve } = this.known();
        return this.index.regionsIn(uri).filter(r => !resolve(r.id));
    }

    /** The markers of a code file: from the text the editor has, else from the index. */
    async markersOf(uri: string, text?: string): Promise<LocatedRegion[]> {
        return text === undefined ? this.index.regionsIn(uri) : scanMarkers(text).map(r => ({ ...r, uri }));
    }

    /** Where the clause a marker id names is in the specs now; for a test marker, the declaration it tests. */
    resolve(id: string): SetClause | undefined {
        const { resolve, clauses, obligationOwners } = this.known();
        const known = resolve(id);
        return known === undefined ? undefined : clauses.get(known) ?? clauses.get(obligationOwners.get(known) ?? '');
    }

    /** Every clause and obligation id of the workspace's specs, and how a marker's id maps to one. */
    private known(): { resolve: (id: string) => string | undefined; clauses: Map<string, SetClause>; obligationOwners: Map<string, string> } {
        return this.ids.get('ids', () => {
            const set = this.specSet();
            const clauses = new Map(setClauses(set, set.modules).map(c => [c.id, c]));
            const obligationOwners = new Map(setObligations(set, set.modules).map(o => [o.id, o.owner]));
            return { resolve: idResolver([...clauses.keys(), ...obligationOwners.keys()]), clauses, obligationOwners };
        });
    }

    /** Re-checks the open specs after the code changed, so drift shows without an edit; and the code files' markers. */
    private async recheck(shared: LangiumSharedServices): Promise<void> {
        await shared.workspace.WorkspaceLock.write(async token => {
            await shared.workspace.DocumentBuilder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: true }, token);
        });
        this.publishMarkerFindings(shared);
    }

    /** The code files' markers that name nothing, as findings on those files; cleared once fixed. */
    publishMarkerFindings(shared: LangiumSharedServices): void {
        const connection = shared.lsp.Connection;
        const files = new Set([...this.index.files(), ...this.reported]);
        for (const uri of files) {
            const diagnostics = this.unknownMarkers(uri).map(unknownMarkerDiagnostic).map(withCodeDescription);
            if (diagnostics.length || this.reported.has(uri)) {
                void connection?.sendDiagnostics({ uri, diagnostics });
            }
            if (diagnostics.length) {
                this.reported.add(uri);
            } else {
                this.reported.delete(uri);
            }
        }
    }
}

function unknownMarkerDiagnostic(region: LocatedRegion): Diagnostic {
    return {
        range: { start: { line: region.beginLine, character: 0 }, end: { line: region.beginLine, character: Number.MAX_SAFE_INTEGER } },
        severity: DiagnosticSeverity.Warning, code: IssueCodes.TraceUnknownClause, source: 'allium',
        message: `This marker names ${region.id}, which no spec of the workspace declares (renamed or removed since the code was generated).`
    };
}

/** A code region as a location: from its begin marker to its end marker. */
export function regionLocation(region: LocatedRegion): Location {
    return { uri: region.uri, range: { start: { line: region.beginLine, character: 0 }, end: { line: region.endLine, character: 0 } } };
}

function describe(region: LocatedRegion): string {
    return `${URI.parse(region.uri).path.split('/').pop()}:${region.beginLine + 1}`;
}

function firstLine(range: Range): Range {
    return range.start.line === range.end.line ? range : { start: range.start, end: { line: range.start.line, character: Number.MAX_SAFE_INTEGER } };
}
