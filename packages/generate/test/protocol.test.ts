import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
    AGENT_TOOL_REQUESTS, CHECK_TOOL, Commands, DECLARATION_TOOL, DIAGNOSTICS_MODES, DIAGRAM_REQUEST, GENERATION_PROMPT_REQUEST, MARKER_LINKS_REQUEST,
    PLAN_TOOL, PROMPT_TOOL, REGENERATION_PROMPT_REQUEST, RESOLVE_CLAUSE_REQUEST, Settings, SPEC_STATUS_REQUEST, TARGET_LANGUAGES, TRACE_TOOL,
    type AlliumInitializationOptions, type AlliumRequestMethod
} from '../src/streaming.js';

const ROOT = path.resolve(__dirname, '../../..');

interface Contributions {
    commands: Array<{ command: string }>;
    languageModelTools: Array<{ name: string }>;
    configuration: { properties: Record<string, { default: unknown; enum?: unknown[] }> };
    menus: Record<string, Array<{ command: string }>>;
}

const contributes = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes: Contributions }).contributes;
const extensionsDoc = readFileSync(path.join(ROOT, 'docs/lsp-extensions.md'), 'utf8');

// Each request method once; the type below fails to compile when AlliumRequests gains a method this list lacks.
const REQUESTS = [GENERATION_PROMPT_REQUEST, MARKER_LINKS_REQUEST, RESOLVE_CLAUSE_REQUEST, REGENERATION_PROMPT_REQUEST, DIAGRAM_REQUEST, SPEC_STATUS_REQUEST,
    AGENT_TOOL_REQUESTS[CHECK_TOOL], AGENT_TOOL_REQUESTS[PLAN_TOOL], AGENT_TOOL_REQUESTS[DECLARATION_TOOL], AGENT_TOOL_REQUESTS[PROMPT_TOOL],
    AGENT_TOOL_REQUESTS[TRACE_TOOL]] as const;
const everyRequestListed: Exclude<AlliumRequestMethod, (typeof REQUESTS)[number]> extends never ? true : false = true;
// Every option once: the object fails to compile when AlliumInitializationOptions gains one it lacks.
const OPTIONS = Object.keys({ generationCommands: true, diagnosticsMode: true, inlayHints: true } satisfies Record<keyof AlliumInitializationOptions, true>);

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

    it('has a request for every agent tool the extension contributes, and contributes every tool it has a request for', () => {
        expect(Object.keys(AGENT_TOOL_REQUESTS).sort()).toEqual(contributes.languageModelTools.map(t => t.name).sort());
    });

    it('docs/lsp-extensions.md lists every request, command and initialization option', () => {
        expect(everyRequestListed).toBe(true);
        // A request is described under a heading naming it (the agent tools share one).
        const headings = extensionsDoc.split('\n').filter(line => line.startsWith('### '));
        const missing = [...REQUESTS.filter(r => !headings.some(h => h.includes(`\`${r}\``))),
            ...[...Object.values(Commands).map(c => `\`${c}\``), ...OPTIONS.map(o => `| \`${o}\``)].filter(entry => !extensionsDoc.includes(entry))];
        expect(missing).toEqual([]);
    });
});
