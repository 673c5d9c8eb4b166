import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
    Commands, DIAGNOSTICS_MODES, GENERATION_PROMPT_REQUEST, MARKER_LINKS_REQUEST, REGENERATION_PROMPT_REQUEST, RESOLVE_CLAUSE_REQUEST,
    Settings, TARGET_LANGUAGES, type AlliumInitializationOptions, type AlliumRequestMethod
} from '../src/streaming.js';

const ROOT = path.resolve(__dirname, '../../..');

interface Contributions {
    commands: Array<{ command: string }>;
    configuration: { properties: Record<string, { default: unknown; enum?: unknown[] }> };
    menus: Record<string, Array<{ command: string }>>;
}

const contributes = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: Contributions }).contributes;
const extensionsDoc = readFileSync(path.join(ROOT, 'docs/lsp-extensions.md'), 'utf8');

// Each request method once; the type below fails to compile when AlliumRequests gains a method this list lacks.
const REQUESTS = [GENERATION_PROMPT_REQUEST, MARKER_LINKS_REQUEST, RESOLVE_CLAUSE_REQUEST, REGENERATION_PROMPT_REQUEST] as const;
const everyRequestListed: Exclude<AlliumRequestMethod, (typeof REQUESTS)[number]> extends never ? true : false = true;
const OPTIONS: Array<keyof AlliumInitializationOptions> = ['generationCommands', 'diagnosticsMode'];

describe('protocol module against package.json', () => {
    it('declares every contributed command, and contributes every command it declares', () => {
        expect(Object.values(Commands).sort()).toEqual(contributes.commands.map(c => c.command).sort());
        const inMenus = Object.values(contributes.menus).flat().map(m => m.command);
        expect(inMenus.filter(c => !(Object.values(Commands) as string[]).includes(c))).toEqual([]);
    });

    it('declares every contributed setting with its default, and contributes every setting it declares', () => {
        const properties = contributes.configuration.properties;
        expect(Object.keys(Settings).sort()).toEqual(Object.keys(properties).sort());
        for (const [name, value] of Object.entries(Settings)) {
            expect(properties[name].default, name).toEqual(value);
        }
        expect(properties['allium.diagnostics.mode'].enum).toEqual([...DIAGNOSTICS_MODES]);
        expect(properties['allium.generate.targetLanguage'].enum).toEqual(TARGET_LANGUAGES);
    });

    it('docs/lsp-extensions.md lists every request, command and initialization option', () => {
        expect(everyRequestListed).toBe(true);
        const missing = [...REQUESTS.map(r => `### \`${r}\``), ...Object.values(Commands).map(c => `\`${c}\``), ...OPTIONS.map(o => `| \`${o}\``)]
            .filter(entry => !extensionsDoc.includes(entry));
        expect(missing).toEqual([]);
    });
});
