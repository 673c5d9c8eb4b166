import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    AGENT_TOOL_REQUESTS, CHECK_TOOL, DECLARATION_TOOL, PLAN_TOOL, PROMPT_TOOL, TRACE_TOOL, type AgentTools
} from '@allium/generate/streaming';
import { tempDir } from '../support/temp-dir.js';
import { SHIP_ORDER_ANSWER, SHIP_ORDER_SPEC } from '../support/ship-order.js';
import { LspClient } from './lsp-client.js';

describe('the agent tool requests (allium/tool/*) over JSON-RPC', () => {
    const root = tempDir('allium-agent-tools');
    const orders = path.join(root, 'specs', 'orders.allium');
    let client: LspClient;

    beforeAll(async () => {
        mkdirSync(path.join(root, 'specs'));
        writeFileSync(orders, SHIP_ORDER_SPEC);
        mkdirSync(path.join(root, 'gen'));
        writeFileSync(path.join(root, 'gen', 'ship.ts'), SHIP_ORDER_ANSWER[0].replace('=== FILE: src/ship.ts ===\n', '') + SHIP_ORDER_ANSWER[1] + SHIP_ORDER_ANSWER[2]);
        client = new LspClient();
        await client.initialize(root);
    });

    afterAll(() => client.dispose());

    const call = <K extends keyof AgentTools>(tool: K, input: AgentTools[K]['input']) => client.request<AgentTools[K]['result']>(AGENT_TOOL_REQUESTS[tool], input);

    it('check reports what the editor shows for the text being edited, not the saved file', async () => {
        const uri = pathToFileURL(orders).href;
        await client.open(uri, SHIP_ORDER_SPEC.replace('order.status = pending', 'order.status == pending'));
        await client.diagnosticsFor(uri, d => d.length > 0);
        const result = await call(CHECK_TOOL, { paths: ['specs'] });
        expect(result.structured.files).toEqual([path.join('specs', 'orders.allium')]);
        const syntax = result.structured.diagnostics.find(d => d.code === 'allium.syntax');
        expect(syntax).toMatchObject({ file: path.join('specs', 'orders.allium'), line: 8, severity: 'error' });
        expect(result.text).toContain(`specs/orders.allium:8:${syntax!.column}: error[allium.syntax]`);
        await client.change(uri, SHIP_ORDER_SPEC, 2);
        await client.diagnosticsFor(uri, d => !d.some(x => x.code === 'allium.syntax'));
        expect((await call(CHECK_TOOL, {})).structured.summary.errors).toBe(0);
    });

    it('plan, declaration and prompt answer as allium mcp does', async () => {
        const plan = await call(PLAN_TOOL, { paths: ['specs/orders.allium'] });
        expect(plan.structured.files[0].obligations).toContainEqual(expect.objectContaining({ id: 'rule-success.ShipOrder', owner: 'rule:ShipOrder' }));
        const declaration = await call(DECLARATION_TOOL, { id: 'rule:ShipOrder' });
        expect(declaration.structured.declaration).toMatchObject({ id: 'orders::rule:ShipOrder', file: path.join('specs', 'orders.allium'), line: 6 });
        expect(declaration.structured.dependencies.map(d => d.id)).toEqual(['orders::entity:Order']);
        const prompt = await call(PROMPT_TOOL, { selection: ['rule:ShipOrder'], targetLanguage: 'python' });
        expect(prompt.structured).toMatchObject({ targetLanguage: 'Python', selection: ['orders::rule:ShipOrder'] });
        expect(prompt.text).toMatch(/^# System\n/);
    });

    it('trace reads the generated code the server indexed', async () => {
        const result = await call(TRACE_TOOL, { code: 'gen' });
        expect(result.structured.clauses.find(c => c.id === 'orders::rule:ShipOrder/ensures#1')).toMatchObject({ state: 'implemented', implementations: [{ file: path.join('gen', 'ship.ts') }] });
        expect(result.structured.summary.unimplemented).toBeGreaterThan(0);
    });

    it('answers input naming nothing with an invalid-params error that says why', async () => {
        await expect(call(CHECK_TOOL, { paths: ['missing'] })).rejects.toThrow(`No such file or folder: missing (paths are relative to ${root}).`);
        await expect(call(DECLARATION_TOOL, { id: 'entity:Nope' })).rejects.toThrow('Cannot select entity Nope: nothing in orders declares it.');
        await expect(call(TRACE_TOOL, { code: 'specs/orders.allium' })).rejects.toThrow('specs/orders.allium is not a folder.');
        await expect(call(PROMPT_TOOL, { targetLanguage: 'Cobol' })).rejects.toThrow("Unknown target language 'Cobol'.");
    });
});
