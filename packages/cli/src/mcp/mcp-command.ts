import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createMcpServer } from './mcp-server.js';

export const MCP_USAGE = `Usage: allium mcp [--root <folder>]

Starts a Model Context Protocol server on stdin/stdout for agents (Claude Code, VS Code, ...): tools that check specs,
plan their test obligations, show a declaration with what it depends on, build the generation prompt for a
selection and report trace status, and the specs under the root as resources.
  --root  the workspace the tools and resources are about (default: the current folder)
Exit status: 0 when the client closes the connection, 2 bad arguments.`;

/** `allium mcp`: serves until the client closes stdin. */
export async function runMcp(args: string[]): Promise<number> {
    if (args.includes('--help') || args.includes('-h')) {
        process.stdout.write(MCP_USAGE + '\n');
        return 0;
    }
    let root = process.cwd();
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '--root' && args[i + 1] !== undefined) {
            root = path.resolve(args[++i]);
        } else {
            process.stderr.write(`Unknown or incomplete option '${args[i]}'.\n${MCP_USAGE}\n`);
            return 2;
        }
    }
    if (!(await fs.stat(root).catch(() => undefined))?.isDirectory()) {
        process.stderr.write(`${root} is not a folder.\n`);
        return 2;
    }
    const server = createMcpServer(root);
    const closed = new Promise<void>(resolve => { server.server.onclose = resolve; });
    const transport = new StdioServerTransport();
    await server.connect(transport);
    // The transport reads stdin but does not notice it end; a client that goes away closes the server.
    process.stdin.once('end', () => void transport.close());
    await closed;
    return 0;
}
