import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATION_PROMPT_REQUEST, type GenerationPromptParams, type GenerationPromptResult } from '@allium/generate/streaming';
import { LspClient } from './lsp-client.js';

const CLINIC = path.resolve(__dirname, '../../examples/clinic');
const uriOf = (name: string) => pathToFileURL(path.join(CLINIC, `${name}.allium`)).href;

describe('allium/generationPrompt over JSON-RPC', () => {
    let client: LspClient;

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize(CLINIC);
        await client.open(uriOf('reminders'), readFileSync(path.join(CLINIC, 'reminders.allium'), 'utf8'));
        await client.diagnosticsFor(uriOf('reminders'));
    });

    afterAll(() => client.dispose());

    const request = (params: GenerationPromptParams) => client.request<GenerationPromptResult>(GENERATION_PROMPT_REQUEST, params);

    it('builds the prompt of a rule of an open file from the spec set it imports', async () => {
        const prompt = await request({ uris: [uriOf('reminders')], selection: ['rule:QueueReminder'], targetLanguage: 'Kotlin' });
        expect(prompt.selection).toEqual(['reminders::rule:QueueReminder']);
        expect(prompt.prefix).toContain('## Module `core` (core.allium), imported: only the declarations used here');
        expect(prompt.prefix).toContain('## Module `scheduling` (scheduling.allium), imported');
        expect(prompt.request).toContain('entity Appointment (scheduling)');
        expect(prompt.clauses[0]).toMatchObject({ id: 'reminders::rule:QueueReminder', uri: uriOf('reminders'), fingerprint: expect.stringMatching(/^[0-9a-f]{13}$/) });
        expect(prompt.system).toContain('production-quality Kotlin');
    });

    it('builds the prompt of a whole folder, each module once in import order, files not opened included', async () => {
        const names = ['billing', 'core', 'encounters', 'reminders', 'scheduling'];
        const prompt = await request({ uris: names.map(uriOf) });
        const order = [...prompt.prefix.matchAll(/^## Module `([\w/.-]+)`/gm)].map(m => m[1]);
        expect(order).toEqual(['core', 'scheduling', 'billing', 'encounters', 'reminders']);
        expect(new Set(prompt.clauses.map(c => c.uri))).toEqual(new Set(names.map(uriOf)));
    });

    it('answers a selection that names nothing with a JSON-RPC error saying so', async () => {
        await expect(request({ uris: [uriOf('reminders')], selection: ['rule:NoSuchRule'] })).rejects.toThrow('Cannot select rule NoSuchRule: nothing in reminders declares it.');
    });
});
