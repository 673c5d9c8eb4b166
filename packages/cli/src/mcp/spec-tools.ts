import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { createAlliumCoreServices, type Module } from '@allium/language';
import { GuardedNodeFileSystem } from '@allium/language/node';
import {
    checkResult, declarationWithClosure, loadSpecSet, planObligations, planResult, promptTool, setClauses, setObligations,
    traceReport, traceResult, AgentToolError, agentToolErrors, type AgentFinding, type AgentToolName, type AgentTools
} from '@allium/generate';
import { Checker } from '../check.js';
import { readGeneratedCode } from '../code-files.js';
import { resolveInputs } from '../input-files.js';

type Handlers = { [K in AgentToolName]: (input: AgentTools[K]['input']) => Promise<AgentTools[K]['result']> };

/**
 * The agent tools over the specs under `root`, with the cores the CLI commands use: `check`'s checker (with the
 * checks the editor reports by default), `plan`'s obligations, the generation core's closure and prompt, and
 * `trace`'s report. Each call reads the files afresh, so edits between calls are seen.
 */
export function specTools(root: string): Handlers {
    const relative = (file: string) => path.relative(root, file) || file;
    const relativeUri = (uri: string) => relative(URI.parse(uri).fsPath);
    const specSet = async (paths: string[] | undefined) => {
        const { Allium } = createAlliumCoreServices(GuardedNodeFileSystem);
        return loadSpecSet(Allium, (await specFiles(root, paths)).map(f => URI.file(f)));
    };
    return {
        allium_check: async ({ paths }) => {
            const files = await specFiles(root, paths);
            // A file that cannot be read is an error on it, so that the agent sees why it was not checked.
            const unreadable: AgentFinding[] = [];
            const findings = await new Checker(undefined, true).check(files, root, (file, reason) => {
                unreadable.push({ file, line: 1, column: 1, severity: 'error', code: null, message: reason });
            });
            return checkResult(files.map(relative), [...unreadable, ...findings]);
        },
        allium_plan: async ({ paths }) => {
            const checker = new Checker();
            const unreadable: Array<{ file: string; reason: string }> = [];
            const plans = await checker.inspect(await specFiles(root, paths), root, document => ({
                file: relative(document.uri.fsPath),
                obligations: planObligations(document.parseResult.value as Module, checker.services)
            }), (file, reason) => unreadable.push({ file, reason }));
            return planResult(plans, unreadable);
        },
        allium_declaration: async ({ id, paths }) => declarationWithClosure(await specSet(paths), id, relativeUri),
        allium_prompt: async ({ paths, ...input }) => promptTool(await specSet(paths), input),
        allium_trace: async ({ paths, code }) => {
            const codeRoot = path.resolve(root, code ?? '.');
            if (!(await fs.stat(codeRoot).catch(() => undefined))?.isDirectory()) {
                throw new AgentToolError(agentToolErrors.notAFolder(code ?? root));
            }
            const set = await specSet(paths);
            const { regions, records } = await readGeneratedCode(codeRoot, () => undefined);
            const report = traceReport({ clauses: setClauses(set), obligations: setObligations(set), regions, records, expectAll: true });
            return traceResult(report, path.relative(root, codeRoot) || '.', relativeUri);
        }
    };
}

/** The spec files the paths name (the whole of `root` when none); a path naming nothing is an error, not an empty answer. */
export async function specFiles(root: string, paths: string[] | undefined): Promise<string[]> {
    const inputs = paths?.length ? paths : [root];
    for (const input of inputs) {
        if (!(await fs.stat(path.resolve(root, input)).catch(() => undefined))) {
            throw new AgentToolError(agentToolErrors.noSuchPath(input, root));
        }
    }
    const skipped: string[] = [];
    const files = await resolveInputs(inputs.map(p => path.resolve(root, p)), (file, why) => skipped.push(`${path.relative(root, file) || file} ${why}`));
    if (files.length === 0) {
        throw new AgentToolError(agentToolErrors.noSpecs(inputs, skipped));
    }
    return files;
}
