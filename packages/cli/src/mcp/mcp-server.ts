import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { AGENT_TOOL_INFO, AgentToolError, SelectionError, type AgentToolName, type AgentToolResult } from '@allium/generate';
import { specTools } from './spec-tools.js';
import { TOOL_INPUTS } from './tool-schemas.js';
import { registerSpecResources } from './spec-resources.js';

/** The CLI package's version, which the server reports to clients. */
const VERSION = '0.1.0';

/**
 * The MCP server of `allium mcp`: the agent tools over the specs under `root`, and those specs as resources. A tool
 * that fails answers a tool error with the message (the agent reads it and can correct its input); the server
 * carries on.
 */
export function createMcpServer(root: string): McpServer {
    const server = new McpServer({ name: 'allium', title: 'Allium specifications', version: VERSION }, {
        instructions: `Tools for the Allium behavioural specifications (*.allium) under ${root}: check a spec after editing it, `
            + 'list the tests it implies, read a declaration with what it depends on, build the generation prompt for a selection, '
            + 'and see how generated code stands against the spec. The specs are also resources.'
    });
    const tools = specTools(root);
    for (const name of Object.keys(TOOL_INPUTS) as AgentToolName[]) {
        const run = tools[name] as (input: unknown) => Promise<AgentToolResult<object>>;
        server.registerTool(name, {
            ...AGENT_TOOL_INFO[name],
            inputSchema: TOOL_INPUTS[name],
            annotations: { readOnlyHint: true, openWorldHint: false }
        }, async (input: unknown): Promise<CallToolResult> => {
            try {
                const result = await run(input);
                return { content: [{ type: 'text', text: result.text }], structuredContent: result.structured as Record<string, unknown> };
            } catch (error) {
                return { content: [{ type: 'text', text: toolError(name, error) }], isError: true };
            }
        });
    }
    registerSpecResources(server, root);
    return server;
}

/** An input the agent can correct is told as it is; anything else is our fault, and says so. */
function toolError(tool: string, error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof AgentToolError || error instanceof SelectionError) {
        return message;
    }
    process.stderr.write(`allium mcp: ${tool} failed: ${error instanceof Error ? error.stack : message}\n`);
    return `Internal error in ${tool}: ${message}`;
}
