import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { AGENT_TOOL_INFO, AGENT_TOOL_REQUESTS, sendAlliumRequest, type AgentToolName, type AgentTools } from '@allium/generate/streaming';

/**
 * The agent tools (`languageModelTools` in package.json) for VS Code's agent mode: each asks the language server
 * (`allium/tool/*`), which runs the same cores as `allium mcp` over the workspace as the editor has it.
 */
export function registerLanguageModelTools(client: () => LanguageClient | undefined): vscode.Disposable[] {
    return (Object.keys(AGENT_TOOL_REQUESTS) as AgentToolName[]).map(name => vscode.lm.registerTool(name, new ServerTool(name, client)));
}

class ServerTool implements vscode.LanguageModelTool<object> {
    constructor(private readonly name: AgentToolName, private readonly client: () => LanguageClient | undefined) {}

    prepareInvocation(): vscode.PreparedToolInvocation {
        return { invocationMessage: `${AGENT_TOOL_INFO[this.name].title}…` };
    }

    async invoke(options: vscode.LanguageModelToolInvocationOptions<object>, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
        const client = this.client();
        if (!client) {
            throw new Error('The Allium language server is not running; run "Allium: Restart Language Server".');
        }
        if (!client.isRunning()) {
            await client.start();
        }
        try {
            // The model's input is checked against the tool's schema in package.json before it gets here.
            const result = await sendAlliumRequest(client, AGENT_TOOL_REQUESTS[this.name], options.input as AgentTools[AgentToolName]['input'], token);
            return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(result.text)]);
        } catch (error) {
            // The model reads the message of a failed tool: the server's says what to correct.
            throw new Error(error instanceof Error ? error.message : String(error));
        }
    }
}
