import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkJson } from '../support/check-json.js';
import { tempDir } from '../support/temp-dir.js';
import { LspClient } from '../lsp/lsp-client.js';
import { SHIPPING_SPEC } from '../support/shipping-spec.js';

const ROOT = path.resolve(__dirname, '../..');
const SARIF_SCHEMA = JSON.parse(readFileSync(path.join(__dirname, '../schemas/sarif-schema-2.1.0.json'), 'utf8'));

const SPEC = SHIPPING_SPEC;

/** npm as a user runs it: no registry (offline, an empty cache), nothing of this repository on the module path. */
function npm(args: string[], cwd: string, cache: string): string {
    return execFileSync('npm', [...args, '--offline', '--cache', cache, '--no-audit', '--no-fund', '--no-update-notifier', '--loglevel', 'error'], {
        cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: cwd }
    });
}

describe('the CLI package, packed and installed into an empty folder', () => {
    let folder: string;
    let cache: string;
    let tarball: string;

    beforeAll(() => {
        expect(existsSync(path.join(ROOT, 'packages/cli/dist/allium.cjs')), 'run npm run build first').toBe(true);
        const work = tempDir('allium-pack');
        cache = path.join(work, 'npm-cache');
        const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], path.join(ROOT, 'packages/cli'), cache)) as Array<{ filename: string }>;
        tarball = path.join(work, path.basename(packed.filename));
        folder = path.join(work, 'user');
        execFileSync('mkdir', [folder]);
        writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name: 'someone-elses-project', private: true }));
        npm(['install', tarball], folder, cache);
        writeFileSync(path.join(folder, 'orders.allium'), SPEC);
        writeFileSync(path.join(folder, 'broken.allium'), SPEC.replace('= pending', '== pending'));
    }, 240_000);

    const npx = (args: string[]) => spawnSync('npx', ['--offline', ...args], {
        cwd: folder, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: folder, npm_config_cache: cache, npm_config_update_notifier: 'false' }
    });

    it('holds the two bundles, the launcher, the config schema, README and licence, and needs no dependency', () => {
        const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
        expect(listing).toEqual([
            'package/LICENSE', 'package/README.md', 'package/dist/allium-language-server.cjs', 'package/dist/allium.cjs',
            'package/dist/allium.config.schema.json', 'package/dist/launcher.cjs', 'package/package.json'
        ]);
        const manifest = JSON.parse(readFileSync(path.join(folder, 'node_modules/allium-editor-cli/package.json'), 'utf8'));
        expect(manifest.dependencies ?? {}).toEqual({});
        expect(manifest.private).toBeUndefined();
        expect(manifest.bin).toEqual({ allium: 'dist/launcher.cjs', 'allium-language-server': 'dist/allium-language-server.cjs' });
    });

    it('runs npx allium check --json with the reference CLI\'s output and exit status', () => {
        const result = npx(['allium', 'check', '--json', 'orders.allium']);
        expect(result.stderr).toBe('');
        const { objects, diagnostics } = checkJson(result.stdout);
        expect(objects.map(o => [o.command, o.spec_file])).toEqual([['check', 'orders.allium']]);
        // What the reference allium check 3.5.3 reports on this spec, code for code and line for line; warnings exit 1.
        expect(diagnostics.map(d => `${d.line}:${d.column} ${d.severity} ${d.code}`)).toEqual([
            '2:8 warning allium.entity.unused', '3:13 warning allium.status.unreachableValue', '3:23 warning allium.status.noExit',
            '4:5 info allium.field.unused', '8:11 info allium.rule.unreachableTrigger'
        ]);
        expect(result.status).toBe(1);
        expect(npx(['allium', 'check', '--json', '--fail-on', 'error', 'orders.allium']).status).toBe(0);
        const broken = npx(['allium', 'check', '--json', 'broken.allium']);
        expect(broken.status).toBe(1);
        expect(checkJson(broken.stdout).diagnostics.some(d => d.code === 'allium.syntax' && d.line === 9 && d.severity === 'error')).toBe(true);
    });

    it('builds its start-up snapshot in the user\'s cache after a first run and runs from it with the same output', async () => {
        const first = npx(['allium', 'check', '--json', 'orders.allium']);
        const blobs = () => execFileSync('find', [path.join(folder, '.cache'), '-name', '*.blob'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
        const deadline = Date.now() + 120_000;
        while (!(existsSync(path.join(folder, '.cache')) && blobs().length === 1 && !existsSync(`${blobs()[0]}.lock`))) {
            expect(Date.now() < deadline, 'the background build of the snapshot').toBe(true);
            await new Promise(resolve => setTimeout(resolve, 200));
        }
        expect(path.relative(folder, blobs()[0])).toMatch(/^\.cache\/allium-editor\/snapshots\/0\.\d+\.\d+-[0-9a-f]{16}\/.+\.blob$/);
        const second = npx(['allium', 'check', '--json', 'orders.allium']);
        expect([second.status, second.stdout, second.stderr]).toEqual([first.status, first.stdout, first.stderr]);
    }, 180_000);

    it('runs npx allium check --format sarif, valid against the SARIF 2.1.0 schema', () => {
        const result = npx(['allium', 'check', '--format', 'sarif', '.']);
        expect(result.status).toBe(1);
        const log = JSON.parse(result.stdout);
        const ajv = new AjvDraft04({ allErrors: true, strict: false });
        addFormats(ajv);
        const validate = ajv.compile(SARIF_SCHEMA);
        expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
        // The schema does hold the log to something: a region without a line is refused.
        expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], locations: [{ physicalLocation: { region: { startLine: 0 } } }] }] }] })).toBe(false);
        const run = log.runs[0];
        expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual([
            'allium.entity.unused', 'allium.field.unused', 'allium.rule.unreachableTrigger', 'allium.status.noExit', 'allium.status.unreachableValue', 'allium.syntax'
        ]);
        expect(run.results).toHaveLength(12);
        expect(run.tool.driver.rules.every((r: { help: { text: string }; shortDescription: { text: string } }) => r.help.text.length > 40 && r.shortDescription.text)).toBe(true);
        const syntax = run.results.find((r: { ruleId: string }) => r.ruleId === 'allium.syntax');
        expect(syntax.level).toBe('error');
        expect(syntax.locations[0].physicalLocation).toMatchObject({ artifactLocation: { uri: 'broken.allium', uriBaseId: '%SRCROOT%' }, region: { startLine: 9 } });
    });

    it('runs npx allium-language-server --stdio, which answers initialize', async () => {
        const client = new LspClient(['npx', '--offline', 'allium-language-server', '--stdio'], folder);
        try {
            const capabilities = await client.initialize(folder);
            expect(capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true });
            const uri = `file://${path.join(folder, 'orders.allium')}`;
            await client.open(uri, SPEC);
            const diagnostics = await client.diagnosticsFor(uri, d => d.length > 0);
            expect(diagnostics.map(d => d.code)).toContain('allium.field.unused');
        } finally {
            await client.dispose();
        }
    });
});
