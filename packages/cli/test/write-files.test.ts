import { mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outDirProblem, writeFiles } from '../src/write-files.js';
import { tempDir } from '../../../test/support/temp-dir.js';

describe('writing generated files', () => {
    it('writes each file on its own, skipping bad paths with the reason', () => {
        const out = path.join(tempDir('allium-write'), 'out');
        const long = 'x'.repeat(300) + '.ts';
        const report = writeFiles(out, [
            { path: 'src/a.ts', text: 'a' }, { path: 'nul\0.ts', text: 'n' }, { path: '.', text: 'dot' }, { path: 'lib', text: 'file' },
            { path: 'lib/b.ts', text: 'b' }, { path: long, text: 'l' }, { path: '../escape.ts', text: 'e' }, { path: '/etc/abs.ts', text: 'e' },
            { path: 'src/c.ts', text: 'c' }
        ], { force: false });
        expect(report.written).toEqual(['src/a.ts', 'lib', 'src/c.ts']);
        expect(Object.fromEntries(report.skipped.map(s => [s.path, s.reason]))).toEqual({
            'nul\0.ts': 'the path contains a NUL byte',
            '.': 'the path names the output folder itself',
            'lib/b.ts': 'a file stands where a folder of its path should be',
            [long]: 'the name is too long for the file system',
            '../escape.ts': 'it would be written outside the output folder',
            '/etc/abs.ts': 'it would be written outside the output folder'
        });
        expect(readFileSync(path.join(out, 'src/c.ts'), 'utf8')).toBe('c');
        expect(existsSync(path.join(out, '../escape.ts'))).toBe(false);
    });

    it('refuses a path that a symbolic link leads outside the output folder', () => {
        const dir = tempDir('allium-write');
        const out = path.join(dir, 'out');
        const outside = path.join(dir, 'elsewhere');
        mkdirSync(out);
        mkdirSync(outside);
        symlinkSync(outside, path.join(out, 'link'));
        writeFileSync(path.join(outside, 'target.ts'), 'theirs');
        symlinkSync(path.join(outside, 'target.ts'), path.join(out, 'file-link.ts'));
        symlinkSync(path.join(outside, 'missing.ts'), path.join(out, 'dangling.ts'));
        symlinkSync(path.join(out, '.git'), path.join(out, 'innocent'));
        mkdirSync(path.join(out, '.git'));
        const files = ['link/sub/x.ts', 'file-link.ts', 'dangling.ts', 'innocent/config'].map(p => ({ path: p, text: 'x' }));
        const report = writeFiles(out, files, { force: true });
        expect(report.written).toEqual(['innocent/config']);
        expect(report.skipped.map(s => s.reason)).toEqual(['a symbolic link on its path leads outside the output folder',
            'a symbolic link on its path leads outside the output folder', 'a symbolic link on its path leads nowhere']);
        expect(existsSync(path.join(outside, 'sub'))).toBe(false);
        expect(existsSync(path.join(outside, 'missing.ts'))).toBe(false);
        expect(readFileSync(path.join(outside, 'target.ts'), 'utf8')).toBe('theirs');
        // A link into a dot-directory counts as the dot-directory.
        expect(writeFiles(out, [{ path: 'innocent/other', text: 'x' }], { force: false }).skipped).toEqual([
            { path: 'innocent/other', reason: 'it is inside the dot-directory .git (pass --force to write there)' }]);
    });

    it('does not overwrite an existing file nor write into a dot-directory without force', () => {
        const out = tempDir('allium-write');
        writeFileSync(path.join(out, 'kept.ts'), 'mine');
        const files = [{ path: 'kept.ts', text: 'generated' }, { path: '.github/workflows/ci.yml', text: 'ci' }, { path: '.gitignore', text: 'out/' }];
        const report = writeFiles(out, files, { force: false });
        expect(report.written).toEqual(['.gitignore']);
        expect(report.skipped).toEqual([
            { path: 'kept.ts', reason: 'the file exists (pass --force to overwrite it)' },
            { path: '.github/workflows/ci.yml', reason: 'it is inside the dot-directory .github (pass --force to write there)' }
        ]);
        expect(readFileSync(path.join(out, 'kept.ts'), 'utf8')).toBe('mine');
        const forced = writeFiles(out, files.slice(0, 2), { force: true });
        expect(forced.written).toEqual(['kept.ts', '.github/workflows/ci.yml']);
        expect(readFileSync(path.join(out, 'kept.ts'), 'utf8')).toBe('generated');
    });

    it('writes the file an answer was cut off in under a marked name', () => {
        const out = tempDir('allium-write');
        const report = writeFiles(out, [{ path: 'a.ts', text: 'done' }, { path: 'b.ts', text: 'half' }], { force: false, cutFile: 'b.ts' });
        expect(report.written).toEqual(['a.ts', 'b.ts.incomplete']);
        expect(readFileSync(path.join(out, 'b.ts.incomplete'), 'utf8')).toBe('half');
        expect(existsSync(path.join(out, 'b.ts'))).toBe(false);
    });

    it('checks --out before anything is generated', () => {
        const dir = tempDir('allium-write');
        writeFileSync(path.join(dir, 'file'), '');
        expect(outDirProblem(dir)).toBeUndefined();
        expect(outDirProblem(path.join(dir, 'new/deeper'))).toBeUndefined();
        expect(outDirProblem(path.join(dir, 'file'))).toMatch(/is a file, not a folder/);
        expect(outDirProblem(path.join(dir, 'file/sub'))).toMatch(/cannot be created: .*file is a file/);
    });
});
