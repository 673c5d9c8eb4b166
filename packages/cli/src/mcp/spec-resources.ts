import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AgentToolError } from '@allium/generate';
import { specFiles } from './spec-tools.js';

const MIME_TYPE = 'text/x-allium';

/**
 * Every spec under `root` as a resource (its `file://` URI, named by its path under the root), listed afresh on each
 * request so new files appear. Only those specs can be read: a URI outside the root or naming another file is refused.
 */
export function registerSpecResources(server: McpServer, root: string): void {
    server.registerResource('spec', new ResourceTemplate('file://{+path}', {
        list: async () => ({
            resources: (await specFiles(root, undefined).catch((): string[] => [])).map(file => ({
                uri: pathToFileURL(file).href,
                name: path.relative(root, file),
                mimeType: MIME_TYPE
            }))
        })
    }), {
        title: 'Allium spec',
        description: `An Allium specification under ${root}.`,
        mimeType: MIME_TYPE
    }, async uri => {
        const file = uri.protocol === 'file:' ? fileURLToPath(uri) : '';
        const specs = await specFiles(root, undefined).catch((): string[] => []);
        if (!specs.includes(file)) {
            throw new AgentToolError(`${uri.href} is not an Allium spec under ${root}.`);
        }
        return { contents: [{ uri: uri.href, mimeType: MIME_TYPE, text: await fs.readFile(file, 'utf8') }] };
    });
}
