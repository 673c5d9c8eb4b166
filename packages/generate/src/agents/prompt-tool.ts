import { AgentToolError, agentToolErrors, type AgentToolResult, type AgentTools } from './agent-protocol.js';
import { promptResult, type PromptResult } from './agent-results.js';
import { buildPrompt } from '../prompt.js';
import type { SpecSet } from '../spec-set.js';
import { targetLanguageNamed } from '../target-languages.js';

/** The `allium_prompt` tool over a loaded spec set, for `allium mcp` and the server alike. */
export function promptTool(set: SpecSet, input: Omit<AgentTools['allium_prompt']['input'], 'paths'>): AgentToolResult<PromptResult> {
    const target = targetLanguageNamed(input.targetLanguage ?? 'TypeScript');
    if (!target) {
        throw new AgentToolError(agentToolErrors.unknownTarget(String(input.targetLanguage)));
    }
    return promptResult(buildPrompt(set, { targetLanguage: target, selection: input.selection, extraInstructions: input.extraInstructions }));
}
