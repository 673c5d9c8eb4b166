// Scenario 5: installs the packaged .vsix into the VS Code server and checks it activates there.
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const vsix = path.resolve(here, '../../allium-editor.vsix');
if (!existsSync(vsix)) {
    console.error('allium-editor.vsix is missing: run `npm run package` first.');
    process.exit(1);
}
const workspace = mkdtempSync(path.join(tmpdir(), 'allium-e2e-ws-'));
cpSync(path.join(here, 'workspace'), workspace, { recursive: true });
process.env.ALLIUM_E2E_INSTALL_VSIX = vsix;
const code = await runTests({
    vscodeExecutablePath: path.join(here, 'vscode-shim.sh'),
    extensionDevelopmentPath: path.join(here, 'installed'),
    extensionTestsPath: path.join(here, 'installed/suite.cjs'),
    launchArgs: [workspace]
}).catch(error => {
    console.error(error);
    return 1;
});
console.log(`installed .vsix scenario: ${code === 0 ? 'passed' : 'failed'}`);
process.exit(code);
