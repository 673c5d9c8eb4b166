const vscode = require('vscode');

const EXTENSION_ID = 'allium-editor.allium-editor';

async function until(condition, what, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
        const value = await condition();
        if (value) {
            return value;
        }
        if (Date.now() > deadline) {
            throw new Error(`timed out waiting for ${what}`);
        }
        await new Promise(resolve => setTimeout(resolve, 200));
    }
}

function workspaceFile(name) {
    return vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, name);
}

async function screenshot(name) {
    // The browser driver saves the page when it sees this line (see ../browser-driver.cjs).
    console.log(`[[screenshot:${name}]]`);
    await new Promise(resolve => setTimeout(resolve, 1500));
}

/** A diagnostic's code as the server sent it: VS Code makes it `{ value, target }` when it carries a codeDescription link. */
function codeOf(diagnostic) {
    return typeof diagnostic.code === 'object' && diagnostic.code !== null ? diagnostic.code.value : diagnostic.code;
}

module.exports = { EXTENSION_ID, until, workspaceFile, screenshot, codeOf };
