const BY_EXTENSION: Record<string, string> = {
    ts: 'typescript', mts: 'typescript', cts: 'typescript', tsx: 'typescriptreact',
    js: 'javascript', mjs: 'javascript', cjs: 'javascript', jsx: 'javascriptreact',
    kt: 'kotlin', kts: 'kotlin', java: 'java', gradle: 'groovy', py: 'python', pyi: 'python', go: 'go', rs: 'rust',
    json: 'json', md: 'markdown', yaml: 'yaml', yml: 'yaml', toml: 'toml', xml: 'xml', html: 'html', css: 'css',
    sql: 'sql', sh: 'shellscript', bash: 'shellscript', properties: 'properties', txt: 'plaintext'
};

const BY_NAME: Record<string, string> = { Dockerfile: 'dockerfile', Makefile: 'makefile', 'go.mod': 'go.mod' };

/** The VS Code language id for a generated file, from its name; `plaintext` when unknown. */
export function languageOfPath(path: string): string {
    const name = path.slice(path.lastIndexOf('/') + 1);
    if (BY_NAME[name]) {
        return BY_NAME[name];
    }
    const dot = name.lastIndexOf('.');
    return (dot > 0 && BY_EXTENSION[name.slice(dot + 1).toLowerCase()]) || 'plaintext';
}
