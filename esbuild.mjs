// Bundles the runnable entry points: the VS Code client with its webview scripts, the language server and the CLI,
// and the npm package of the CLI (packages/cli/dist: both bins, self-contained, with the config schema).
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'info',
    // Langium and the SDK ship ESM that uses import.meta.url; give it a CJS equivalent.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};
const cliVersion = JSON.parse(readFileSync('packages/cli/package.json', 'utf8')).version;
const executable = { js: '#!/usr/bin/env node\n' + common.banner.js };
// The published package carries no source maps: they would double its size for stack traces nobody reads.
const published = { sourcemap: false, minifyWhitespace: true };

// The parser's re-sync follow sets, recorded once from the compiled language package (`tsc -b` runs first), so that the
// bundled parsers need not compute them at every start (see resync-follows.ts). A watch build records them when it starts.
const { createAlliumCoreServices } = await import('./packages/language/out/allium-module.js');
const { followTable } = await import('./packages/language/out/resync-follows.js');
const { EmptyFileSystem } = await import('langium');
common.define = { ...common.define, ALLIUM_RESYNC_FOLLOWS: JSON.stringify(followTable(createAlliumCoreServices(EmptyFileSystem).Allium.parser.LangiumParser)) };

// The specs of examples/orders are what the CLI's start-up snapshot and the language server parse to warm the parser's
// lookahead (packages/language/src/warm-up-specs.ts): adding examples/clinic made the snapshot 23 MB instead of 13 MB
// and checks of other specs no faster (docs/performance.md). The CLI's defines add to the common ones, so they come after.
const warmUpSpecs = readdirSync('examples/orders').filter(f => f.endsWith('.allium')).sort().map(f => readFileSync(`examples/orders/${f}`, 'utf8'));
common.define = { ...common.define, ALLIUM_WARM_UP_SPECS: JSON.stringify(warmUpSpecs) };
const cli = { entryPoints: ['packages/cli/src/main.ts'], banner: executable, define: { ...common.define, ALLIUM_CLI_VERSION: JSON.stringify(cliVersion) } };

const entries = [
    { entryPoints: ['packages/client/src/extension.ts'], outfile: 'out/client/extension.cjs', external: ['vscode'] },
    { entryPoints: ['packages/server/src/main.ts'], outfile: 'out/server/main.cjs' },
    { entryPoints: ['packages/client/src/preview/webview.ts'], outfile: 'out/client/preview.js', platform: 'browser', format: 'iife', target: 'es2022', define: {}, banner: {} },
    { entryPoints: ['packages/client/src/diagram/diagram-webview.ts'], outfile: 'out/client/diagram.js', platform: 'browser', format: 'iife', target: 'es2022', define: {}, banner: {} },
    { entryPoints: ['packages/client/src/diagram/diagram.css'], outfile: 'out/client/diagram.css', platform: 'browser', format: undefined, define: {}, banner: {} },
    { ...cli, outfile: 'out/cli/allium.cjs' },
    { ...cli, ...published, outfile: 'packages/cli/dist/allium.cjs', plugins: [launcher('packages/cli/dist/launcher.cjs')] },
    { entryPoints: ['packages/server/src/main.ts'], ...published, banner: executable, outfile: 'packages/cli/dist/allium-language-server.cjs' }
];

/**
 * Writes the package's `allium` command next to the bundle after each build: packages/cli/launcher/allium.cjs with the
 * build's key, the CLI version and a hash of the bundle, which names the folder of its start-up snapshots in the cache.
 */
function launcher(file) {
    return {
        name: 'allium-launcher',
        setup(build) {
            build.onEnd(result => {
                if (result.errors.length > 0) {
                    return;
                }
                const hash = createHash('sha256').update(readFileSync(build.initialOptions.outfile)).digest('hex').slice(0, 16);
                writeFileSync(file, readFileSync('packages/cli/launcher/allium.cjs', 'utf8').replaceAll('@KEY@', `${cliVersion}-${hash}`));
                chmodSync(file, 0o755);
            });
        }
    };
}

// The config schema the extension contributes (jsonValidation) and the package ships.
const schema = 'packages/language/src/config/allium-config.schema.json';
for (const dir of ['out/schemas', 'packages/cli/dist']) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(schema, `${dir}/allium.config.schema.json`);
}

// `node esbuild.mjs cli server` builds only those bundles.
const only = process.argv.slice(2).filter(a => !a.startsWith('--'));
const selected = only.length === 0 ? entries : entries.filter(e => only.some(name => e.outfile.includes(`/${name}/`)));
const contexts = await Promise.all(selected.map(e => esbuild.context({ ...common, ...e })));
if (watch) {
    await Promise.all(contexts.map(c => c.watch()));
} else {
    await Promise.all(contexts.map(c => c.rebuild()));
    await Promise.all(contexts.map(c => c.dispose()));
}
