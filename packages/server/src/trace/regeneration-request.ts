import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, type Connection } from 'vscode-languageserver';
import {
    buildPrompt, onAlliumRequest, regenerationPrompt, REGENERATION_PROMPT_REQUEST, SpecSet, targetLanguageNamed,
    type RegenerationPromptParams, type RegenerationPromptResult
} from '@allium/generate';
import type { AlliumLspServices } from '../allium-server-module.js';

/**
 * "Regenerate this clause": the prompt of the clause's declaration, narrowed to the clause, with the code region it
 * replaces. The region is the first one linked to the clause; its path is relative to the folder of the trace
 * record the code was written with (the output root), else to the workspace folder.
 */
export function registerRegenerationRequest(connection: Connection, shared: LangiumSharedServices): void {
    onAlliumRequest(connection, REGENERATION_PROMPT_REQUEST, (params: RegenerationPromptParams): RegenerationPromptResult => {
        const services = shared.ServiceRegistry.all[0] as AlliumLspServices;
        const links = services.trace.TraceLinks;
        const clause = links.resolve(params.id);
        const document = clause && shared.workspace.LangiumDocuments.getDocument(URI.parse(clause.uri));
        const status = document && links.of(document)?.byId.get(clause!.id);
        const region = status?.implementations[0];
        if (!clause || !document || !region) {
            throw new ResponseError(-32602, `No generated code is linked to ${params.id}: generate its declaration instead.`);
        }
        const file = URI.parse(region.uri).fsPath;
        const lines = readFileSync(file, 'utf8').split('\n');
        const root = services.trace.CodeIndex.recordFiles().map(([uri]) => path.dirname(path.dirname(URI.parse(uri).fsPath)))
            .filter(dir => file.startsWith(dir + path.sep)).sort((a, b) => b.length - a.length)[0];
        const relative = path.relative(root ?? path.dirname(file), file).split(path.sep).join('/');
        const set = new SpecSet(services, [document]);
        const base = buildPrompt(set, { targetLanguage: targetLanguageNamed(params.targetLanguage) ?? 'TypeScript', selection: [clause.owner], extraInstructions: params.extraInstructions });
        const prompt = regenerationPrompt(base, clause.id, { path: relative, text: lines.slice(region.beginLine, region.endLine + 1).join('\n') });
        return { prompt, region: { uri: region.uri, beginLine: region.beginLine, endLine: region.endLine, path: relative } };
    });
}

