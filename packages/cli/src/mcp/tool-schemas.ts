import { z } from 'zod';
import { AGENT_TOOL_PARAMETERS as P, CHECK_TOOL, DECLARATION_TOOL, PLAN_TOOL, PROMPT_TOOL, TRACE_TOOL, TARGET_LANGUAGES, type TargetLanguage } from '@allium/generate';

/**
 * The input of each tool as the MCP SDK validates it. The extension's `languageModelTools` in package.json carry the
 * same JSON schemas (packages/cli/test/mcp-server.test.ts compares them with what this server lists).
 */
const paths = z.array(z.string()).optional().describe(P.paths);

export const TOOL_INPUTS = {
    [CHECK_TOOL]: { paths },
    [PLAN_TOOL]: { paths },
    [DECLARATION_TOOL]: { id: z.string().min(1).describe(P.id), paths },
    [PROMPT_TOOL]: {
        paths,
        selection: z.array(z.string()).optional().describe(P.selection),
        targetLanguage: z.enum(TARGET_LANGUAGES as [TargetLanguage, ...TargetLanguage[]]).optional().describe(P.targetLanguage),
        extraInstructions: z.string().optional().describe(P.extraInstructions)
    },
    [TRACE_TOOL]: { paths, code: z.string().optional().describe(P.code) }
};
