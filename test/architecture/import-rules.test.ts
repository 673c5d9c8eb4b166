import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, packageSources, violations } from './import-rules.js';

const ROOT = path.resolve(__dirname, '../..');

describe('import rules (docs/architecture.md)', () => {
    it('hold for every source of the packages', () => {
        expect(violations(packageSources(ROOT)).map(v => `${v.file}: ${v.specifier}: ${v.rule}`)).toEqual([]);
    });

    it('catch a language source that breaks each of them', () => {
        const text = readFileSync(path.join(__dirname, 'fixtures/violations.ts.txt'), 'utf8');
        const found = violations(importsOf('packages/language/src/validation/bad-validator.ts', text));
        expect(found.map(v => `${v.specifier}: ${v.rule}`)).toEqual([
            'vscode: the language core does not import vscode',
            "node:fs: the language core does not import Node's modules (only src/node/ does)",
            "path: the language core does not import Node's modules (only src/node/ does)",
            '@allium/generate: language does not import generate',
            './rule-shape-validator.js: a validator does not import another validator'
        ]);
    });

    it('catch the client importing the language package, and scoping importing validation', () => {
        expect(violations([
            { file: 'packages/client/src/extension.ts', specifier: '@allium/language' },
            { file: 'packages/language/src/scoping/member-scopes.ts', specifier: '../validation/ast-views.js' },
            { file: 'packages/language/src/node/guarded-file-system.ts', specifier: 'node:fs' }
        ]).map(v => v.rule)).toEqual(['client does not import language', 'scoping does not import validation']);
    });
});
