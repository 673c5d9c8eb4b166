import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, ResponseError, type Connection, type Diagnostic } from 'vscode-languageserver';
import {
    AGENT_TOOL_REQUESTS, AgentToolError, checkResult, declarationWithClosure, loadSpecSet, onAlliumRequest, planObligations, planResult,
    promptTool, SelectionError, setClauses, setObligations, traceReport, traceResult,
    type AgentFinding, type AgentToolName, type AgentTools
} from '@allium/generate';
import type { Module } from '@allium/language';
import type { AlliumLspServices } from '../allium-server-module.js';

type Handlers = { [K in AgentToolName]: (input: AgentTools[K]['input']) => Promise<AgentTools[K]['result']> };

/**
 * The agent tools as requests (`allium/tool/*`), for the VS Code extension's language model tools: the same cores
 * and results as `allium mcp`, over the workspace as the editor has it. Findings are those the Problems view shows
 * (in the diagnostics mode the editor set); trace status is read from the server's index of the generated code.
 */
export function registerAgentToolRequests(connection: Connection, shared: LangiumSharedServices): void {
    const services = () => shared.ServiceRegistry.all[0] as AlliumLspServices;
    const specs = services().agents.WorkspaceSpecs;
    const specSet = async (paths: string[] | undefined) => loadSpecSet(services(), (await specs.documents(paths)).map(d => d.uri));
    const handlers: Handlers = {
        allium_check: async ({ paths }) => {
            const documents = await specs.documents(paths);
            return checkResult(documents.map(d => specs.relative(d.uri.fsPath)), documents.flatMap(d => findingsOf(d, specs.relative(d.uri.fsPath))));
        },
        allium_plan: async ({ paths }) => planResult((await specs.documents(paths)).map(d => ({
            file: specs.relative(d.uri.fsPath),
            obligations: planObligations(d.parseResult.value as Module, services())
        }))),
        allium_declaration: async ({ id, paths }) => declarationWithClosure(await specSet(paths), id, specs.relativeUri),
        allium_prompt: async ({ paths, ...input }) => promptTool(await specSet(paths), input),
        allium_trace: async ({ paths, code }) => {
            const codeRoot = await specs.folder(code);
            const set = await specSet(paths);
            const index = services().trace.CodeIndex;
            await index.ready;
            const under = (uri: string) => URI.parse(uri).fsPath.startsWith(codeRoot + path.sep);
            const report = traceReport({
                clauses: setClauses(set), obligations: setObligations(set), expectAll: true,
                regions: index.regions().filter(r => under(r.uri)), records: index.recordFiles().filter(([uri]) => under(uri)).map(([, record]) => record)
            });
            return traceResult(report, specs.relative(codeRoot), specs.relativeUri);
        }
    };
    for (const tool of Object.keys(AGENT_TOOL_REQUESTS) as AgentToolName[]) {
        const handle = handlers[tool] as (input: unknown) => Promise<never>;
        onAlliumRequest(connection, AGENT_TOOL_REQUESTS[tool], async input => {
            try {
                return await handle(input ?? {});
            } catch (error) {
                throw error instanceof AgentToolError || error instanceof SelectionError ? new ResponseError(-32602, error.message) : error;
            }
        });
    }
}

function findingsOf(document: LangiumDocument, file: string): AgentFinding[] {
    return (document.diagnostics ?? []).map((d: Diagnostic): AgentFinding => ({
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        severity: d.severity === DiagnosticSeverity.Error ? 'error' : d.severity === DiagnosticSeverity.Warning ? 'warning' : 'info',
        code: typeof d.code === 'string' ? d.code : null,
        message: typeof d.message === 'string' ? d.message : d.message.value
    })).sort((a, b) => a.line - b.line || a.column - b.column);
}
