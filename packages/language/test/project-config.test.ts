import { describe, expect, it } from 'vitest';
import { ConfigError, configuredSeverity, DEFAULT_CONFIG, isSpecIncluded, parseAlliumConfig } from '../src/config/project-config.js';

describe('allium.config.json', () => {
    it('fills what a file leaves out with the defaults', () => {
        expect(parseAlliumConfig('{}', 'allium.config.json')).toEqual(DEFAULT_CONFIG);
        expect(parseAlliumConfig('{"exclude":["drafts/**"],"generate":{"lang":"Go"}}', 'c.json')).toMatchObject({ include: ['**/*.allium'], exclude: ['drafts/**'], generate: { lang: 'Go' } });
    });

    it('refuses a file that is not JSON or breaks the schema, saying where', () => {
        expect(() => parseAlliumConfig('{', 'c.json')).toThrow(/^c\.json is not valid JSON/);
        const wrong = () => parseAlliumConfig(JSON.stringify({ ignore: 'allium.field.unused', generate: { maxTokens: 0, colour: 'red' }, severity: { 'field.unused': 'off' } }), 'c.json');
        expect(wrong).toThrow(ConfigError);
        expect(wrong).toThrow(/ignore: must be array/);
        expect(wrong).toThrow(/generate\.maxTokens: must be >= 1/);
        expect(wrong).toThrow(/generate: unknown setting 'colour'/);
        expect(wrong).toThrow(/severity: 'field\.unused' is not a diagnostic code/);
    });

    it('sets a severity per code, and turns a code off by severity or by ignore', () => {
        const config = parseAlliumConfig(JSON.stringify({ severity: { 'allium.a.b': 'error', 'allium.c.d': 'off' }, ignore: ['allium.e.f'] }), 'c.json');
        expect(configuredSeverity(config, 'allium.a.b', 'info')).toBe('error');
        expect(configuredSeverity(config, 'allium.c.d', 'warning')).toBeUndefined();
        expect(configuredSeverity(config, 'allium.e.f', 'error')).toBeUndefined();
        expect(configuredSeverity(config, 'allium.g.h', 'warning')).toBe('warning');
        expect(configuredSeverity(config, null, 'error')).toBe('error');
    });

    it('takes a spec by the include globs unless an exclude glob matches it', () => {
        const config = parseAlliumConfig(JSON.stringify({ include: ['specs/**/*.allium'], exclude: ['**/drafts/**'] }), 'c.json');
        expect(isSpecIncluded(config, 'specs/a.allium')).toBe(true);
        expect(isSpecIncluded(config, 'specs/x/drafts/b.allium')).toBe(false);
        expect(isSpecIncluded(config, 'other/c.allium')).toBe(false);
        expect(isSpecIncluded(DEFAULT_CONFIG, '.hidden/d.allium')).toBe(true);
    });
});
