// Runs the extension tests inside a real VS Code: @vscode/test-electron's runTests() with the code-server shim,
// so the same suite runs unchanged against VS Code desktop on machines that can download it.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const workspace = mkdtempSync(path.join(tmpdir(), 'allium-e2e-ws-'));
cpSync(path.join(here, 'workspace'), workspace, { recursive: true });

const started = Date.now();
const code = await runTests({
    vscodeExecutablePath: process.env.ALLIUM_E2E_VSCODE ?? path.join(here, 'vscode-shim.sh'),
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(here, 'suite/index.cjs'),
    launchArgs: [workspace]
}).catch(error => {
    console.error(error);
    return 1;
});
console.log(`e2e suite: ${code === 0 ? 'passed' : 'failed'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(code);
