import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueEntry } from '@allium/language';
import { checkJson } from '../../../test/support/check-json.js';
import { tempDir } from '../../../test/support/temp-dir.js';
import { parseCheckArgs } from '../src/check-command.js';
import { SHIPPING_SPEC } from '../../../test/support/shipping-spec.js';

const CLI = path.resolve(__dirname, '../../../out/cli/allium.cjs');

function run(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function workspace(files: Record<string, string>): string {
    const dir = tempDir('allium-check-options');
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

// Warnings (entity.unused, status.unreachableValue, status.noExit) and infos (field.unused, rule.unreachableTrigger).
const WARNED = SHIPPING_SPEC;
// Only infos: a field nobody reads.
const INFO_ONLY = `-- allium: 3
entity Customer {
    orders: Order
    nickname: String
}

entity Order {
    customer: Customer
}
`;
const BROKEN = WARNED.replace('= pending', '== pending');

const codes = (stdout: string) => checkJson(stdout).diagnostics.map(d => `${d.file}:${d.line} ${d.severity} ${d.code}`);

describe('allium check options', () => {
    it('prints text on a terminal and the reference JSON to a pipe or file, unless told', () => {
        expect(parseCheckArgs(['a.allium'], true)).toMatchObject({ format: 'text', inputs: ['a.allium'] });
        expect(parseCheckArgs(['a.allium'], false)).toMatchObject({ format: 'json' });
        expect(parseCheckArgs(['--format', 'sarif', 'a.allium'], true)).toMatchObject({ format: 'sarif' });
        expect(parseCheckArgs(['--json', '--format', 'text', 'a.allium'], true)).toBe('--json and --format text contradict each other.');
    });

    it('prints the reference JSON when piped and text with --format text; refuses an unknown format or option', () => {
        const dir = workspace({ 'a.allium': INFO_ONLY });
        expect(checkJson(run(['check', 'a.allium'], dir).stdout).files).toEqual(['a.allium']);
        expect(run(['check', '--format', 'text', 'a.allium'], dir).stdout).toMatch(/^a\.allium:4:5: info\[allium\.field\.unused\]/m);
        const badFormat = run(['check', '--format', 'xml', 'a.allium'], dir);
        expect(badFormat.status).toBe(2);
        expect(badFormat.stderr).toContain("--format takes text, json, sarif, not 'xml'.");
        const unknown = run(['check', '--strict', 'a.allium'], dir);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toMatch(/Unknown option '--strict'/);
    });

    it('--min-severity leaves out findings below it', () => {
        const dir = workspace({ 'a.allium': WARNED });
        const all = codes(run(['check', '--json', 'a.allium'], dir).stdout);
        expect(all.filter(c => c.includes(' info '))).toHaveLength(2);
        expect(codes(run(['check', '--json', '--min-severity', 'warning', 'a.allium'], dir).stdout)).toEqual(all.filter(c => !c.includes(' info ')));
        expect(codes(run(['check', '--json', '--min-severity', 'error', 'a.allium'], dir).stdout)).toEqual([]);
        expect(run(['check', '--min-severity', 'hint', 'a.allium'], dir).status).toBe(2);
    });

    it('--fail-on error exits 0 on warnings and 1 on errors; the default fails on warnings, as the reference', () => {
        const dir = workspace({ 'warned.allium': WARNED, 'broken.allium': BROKEN, 'info.allium': INFO_ONLY });
        expect(run(['check', 'warned.allium'], dir).status).toBe(1);
        expect(run(['check', '--fail-on', 'error', 'warned.allium'], dir).status).toBe(0);
        expect(run(['check', '--fail-on', 'error', 'broken.allium'], dir).status).toBe(1);
        expect(run(['check', 'info.allium'], dir).status).toBe(0);
        expect(run(['check', '--fail-on', 'info', 'info.allium'], dir).status).toBe(2);
    });

    it('--ignore-code takes lists and repeats, and what it leaves out fails nothing', () => {
        const dir = workspace({ 'a.allium': WARNED });
        const result = run(['check', '--json', '--ignore-code', 'allium.entity.unused,allium.status.noExit', '--ignore-code', 'allium.status.unreachableValue', 'a.allium'], dir);
        expect(codes(result.stdout)).toEqual(['a.allium:4 info allium.field.unused', 'a.allium:8 info allium.rule.unreachableTrigger']);
        expect(result.status).toBe(0);
    });

    it('reports a path that does not exist and exits 1, as the reference, after checking the others', () => {
        const dir = workspace({ 'a.allium': INFO_ONLY });
        const result = run(['check', '--json', 'missing', 'a.allium'], dir);
        expect(result.stderr).toContain('allium: missing: no such file or directory');
        expect(checkJson(result.stdout).files).toEqual(['a.allium']);
        expect(result.status).toBe(1);
        expect(run(['check', 'missing'], dir).status).toBe(1);
    });

    it('--format sarif gives each finding its rule, level, line and column, and a fingerprint that lines moving keep', () => {
        const dir = workspace({ 'specs/a.allium': WARNED });
        const sarif = () => JSON.parse(run(['check', '--format', 'sarif', 'specs'], dir).stdout).runs[0];
        const first = sarif();
        const noExit = first.results.find((r: { ruleId: string }) => r.ruleId === 'allium.status.noExit');
        expect(noExit).toMatchObject({ level: 'warning', locations: [{ physicalLocation: { artifactLocation: { uri: 'specs/a.allium' }, region: { startLine: 3, startColumn: 23 } } }] });
        expect(first.results.find((r: { ruleId: string }) => r.ruleId === 'allium.field.unused').level).toBe('note');
        const rule = first.tool.driver.rules[noExit.ruleIndex];
        expect(rule.id).toBe('allium.status.noExit');
        expect(rule.shortDescription.text).toBe(catalogueEntry('allium.status.noExit')!.title);
        expect(rule.helpUri).toMatch(/docs\/diagnostics\.md#/);
        expect(rule.help.text).toContain(noExit.message.text);
        writeFileSync(path.join(dir, 'specs/a.allium'), WARNED.replace('-- allium: 3\n', '-- allium: 3\n\n-- Orders\n\n'));
        const moved = sarif().results.find((r: { ruleId: string }) => r.ruleId === 'allium.status.noExit');
        expect(moved.locations[0].physicalLocation.region.startLine).toBe(6);
        expect(moved.partialFingerprints).toEqual(noExit.partialFingerprints);
    });
});

describe('allium.config.json', () => {
    it('sets severities, turns codes off and ignores codes; found from the working folder upwards', () => {
        const dir = workspace({
            'allium.config.json': JSON.stringify({ severity: { 'allium.field.unused': 'error', 'allium.status.noExit': 'off' }, ignore: ['allium.entity.unused'] }),
            'specs/a.allium': WARNED
        });
        const result = run(['check', '--json', 'a.allium'], path.join(dir, 'specs'));
        expect(codes(result.stdout)).toEqual(['a.allium:3 warning allium.status.unreachableValue', 'a.allium:4 error allium.field.unused', 'a.allium:8 info allium.rule.unreachableTrigger']);
        expect(result.status).toBe(1);
    });

    it('takes the specs of a folder by its include and exclude globs; a file named is checked anyway', () => {
        const dir = workspace({
            'allium.config.json': JSON.stringify({ include: ['specs/**/*.allium'], exclude: ['**/drafts/**'] }),
            'specs/a.allium': INFO_ONLY, 'specs/drafts/b.allium': INFO_ONLY, 'other/c.allium': INFO_ONLY
        });
        expect(checkJson(run(['check', '--json', '.'], dir).stdout).files).toEqual(['specs/a.allium']);
        expect(checkJson(run(['check', '--json', 'specs/drafts/b.allium'], dir).stdout).files).toEqual(['specs/drafts/b.allium']);
    });

    it('--config names the file; a bad one is refused with what is wrong and exit 2', () => {
        const dir = workspace({
            'ci.json': JSON.stringify({ ignore: ['allium.field.unused'] }),
            'bad.json': JSON.stringify({ severity: { 'allium.field.unused': 'fatal' }, exclud: [] }),
            'a.allium': INFO_ONLY
        });
        expect(codes(run(['check', '--json', '--config', 'ci.json', 'a.allium'], dir).stdout)).toEqual([]);
        const bad = run(['check', '--config', 'bad.json', 'a.allium'], dir);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toContain('bad.json does not follow the allium.config.json schema');
        expect(bad.stderr).toContain("unknown setting 'exclud'");
        expect(bad.stderr).toContain('severity.allium.field.unused: must be equal to one of the allowed values ("error", "warning", "info", "off")');
        writeFileSync(path.join(dir, 'allium.config.json'), '{ "ignore": [ }');
        const broken = run(['check', 'a.allium'], dir);
        expect(broken.status).toBe(2);
        expect(broken.stderr).toMatch(/allium\.config\.json is not valid JSON/);
    });

    it('gives allium generate its defaults, which the flags given win over', () => {
        const dir = workspace({ 'allium.config.json': JSON.stringify({ generate: { lang: 'Kotlin' } }), 'a.allium': WARNED });
        expect(run(['generate', '--dry-run', 'a.allium'], dir).stdout).toMatch(/Kotlin/);
        const python = run(['generate', '--dry-run', '--lang', 'python', 'a.allium'], dir).stdout;
        expect(python).toMatch(/Python/);
        expect(python).not.toMatch(/Kotlin/);
    });
});

describe('baselines', () => {
    it('accept the findings recorded, across lines moving, and report only new ones', () => {
        const dir = workspace({ 'specs/a.allium': WARNED, 'specs/b.allium': INFO_ONLY });
        const written = run(['check', '--write-baseline', 'baseline.json', 'specs'], dir);
        expect(written.status).toBe(0);
        expect(written.stderr).toContain('wrote 8 findings of 2 files to baseline.json');
        const clean = run(['check', '--format', 'text', '--baseline', 'baseline.json', 'specs'], dir);
        expect(clean.stdout).toBe('2 files checked: 0 errors, 0 warnings, 0 infos (8 more in the baseline).\n');
        expect(clean.status).toBe(0);
        // Lines above move every finding; a second rule adds a finding of a code already recorded, in another declaration.
        writeFileSync(path.join(dir, 'specs/a.allium'), WARNED.replace('-- allium: 3\n', '-- allium: 3\n-- Orders, as shipped.\n\n')
            + '\nrule Hold {\n    when: HoldOrder(order)\n    requires: order.status = pending\n    ensures: order.status = pending\n}\n');
        const moved = run(['check', '--json', '--baseline', 'baseline.json', 'specs'], dir);
        expect(codes(moved.stdout)).toEqual(['specs/a.allium:16 info allium.rule.unreachableTrigger']);
        expect(moved.status).toBe(0);
        // Run from elsewhere, the baseline's paths still name the same files.
        expect(codes(run(['check', '--json', '--baseline', '../baseline.json', '.'], path.join(dir, 'specs')).stdout)).toEqual(['a.allium:16 info allium.rule.unreachableTrigger']);
    });

    it('refuses a file that is not a baseline, and --baseline with --write-baseline', () => {
        const dir = workspace({ 'a.allium': INFO_ONLY, 'not.json': '{"findings": 3}' });
        const bad = run(['check', '--baseline', 'not.json', 'a.allium'], dir);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toContain('not.json is not an allium baseline');
        expect(run(['check', '--baseline', 'missing.json', 'a.allium'], dir).stderr).toContain('cannot read the baseline');
        expect(run(['check', '--baseline', 'x.json', '--write-baseline', 'x.json', 'a.allium'], dir).status).toBe(2);
    });
});
