import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../../../test/support/temp-dir.js';
import { CLI, runCli } from '../../../test/support/run-cli.js';
import { SHIP_ORDER_ANSWER, SHIP_ORDER_SPEC } from '../../../test/support/ship-order.js';

/** Line 8 compares with `==`, which Allium does not have: a syntax error the check tool must report there. */
const BROKEN = SHIP_ORDER_SPEC.replace('order.status = pending', 'order.status == pending');

describe('allium mcp, driven by the MCP SDK client over stdio', () => {
    const root = tempDir('allium-mcp');
    const client = new Client({ name: 'allium-test', version: '1.0.0' });
    let stderr = '';

    beforeAll(async () => {
        mkdirSync(path.join(root, 'specs'));
        writeFileSync(path.join(root, 'specs', 'orders.allium'), SHIP_ORDER_SPEC);
        writeFileSync(path.join(root, 'broken.allium'), BROKEN);
        writeFileSync(path.join(root, 'notes.txt'), 'not a spec');
        // The code `allium generate` would have written for ShipOrder, markers and all (no trace record).
        mkdirSync(path.join(root, 'gen'));
        writeFileSync(path.join(root, 'gen', 'ship.ts'), SHIP_ORDER_ANSWER.join('').split('=== FILE: test/ship.test.ts ===\n')[0].replace('=== FILE: src/ship.ts ===\n', ''));
        const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', '--root', root], cwd: path.dirname(root), stderr: 'pipe' });
        transport.stderr?.on('data', chunk => { stderr += chunk; });
        await client.connect(transport);
    });

    afterAll(() => client.close());

    const call = async (name: string, args: Record<string, unknown>) => await client.callTool({ name, arguments: args }) as CallToolResult;
    const text = (result: CallToolResult) => result.content.map(c => c.type === 'text' ? c.text : '').join('');

    it('lists the five tools, each with a description and described inputs, as the extension contributes them', async () => {
        const { tools } = await client.listTools();
        expect(tools.map(t => t.name)).toEqual(['allium_check', 'allium_plan', 'allium_declaration', 'allium_prompt', 'allium_trace']);
        const contributed = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).contributes.languageModelTools;
        for (const tool of tools) {
            expect(Object.values(tool.inputSchema.properties ?? {}).every(p => typeof (p as { description?: string }).description === 'string')).toBe(true);
            const { $schema: _, ...schema } = tool.inputSchema as Record<string, unknown>;
            const lmTool = contributed.find((t: { name: string }) => t.name === tool.name);
            expect(lmTool, `package.json contributes ${tool.name}`).toMatchObject({ displayName: tool.title, modelDescription: tool.description, inputSchema: schema });
        }
        expect(contributed).toHaveLength(tools.length);
    });

    it('check and plan name a file they cannot read and still answer for the others in its folder', async () => {
        // A folder with a spec saved in Latin-1 (the 0xE9 of "café" starts no UTF-8 sequence) beside a readable one,
        // there for this test only: the others list the root's files.
        mkdirSync(path.join(root, 'mixed'));
        onTestFinished(() => rmSync(path.join(root, 'mixed'), { recursive: true }));
        const latin1 = path.join('mixed', 'latin1.allium');
        writeFileSync(path.join(root, latin1), Buffer.concat([Buffer.from('-- allium: 3\n-- caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
        writeFileSync(path.join(root, 'mixed', 'orders.allium'), SHIP_ORDER_SPEC);
        const checked = await call('allium_check', { paths: ['mixed'] });
        expect(checked.isError).toBeFalsy();
        const { diagnostics } = checked.structuredContent as { diagnostics: Array<Record<string, unknown>> };
        expect(diagnostics.filter(d => d.file === latin1)).toEqual([
            { file: latin1, line: 1, column: 1, severity: 'error', code: null, message: expect.stringContaining('is not valid UTF-8 text') }
        ]);
        expect(diagnostics.some(d => d.file === path.join('mixed', 'orders.allium'))).toBe(true);
        const planned = await call('allium_plan', { paths: ['mixed'] });
        expect(planned.isError).toBeFalsy();
        const plan = planned.structuredContent as { files: Array<{ file: string; obligations: unknown[] }>; unreadable: Array<{ file: string; reason: string }> };
        expect(plan.files.map(f => f.file)).toEqual([path.join('mixed', 'orders.allium')]);
        expect(plan.files[0].obligations.length).toBeGreaterThan(0);
        expect(plan.unreadable).toEqual([{ file: latin1, reason: expect.stringContaining('is not valid UTF-8 text') }]);
        expect(text(planned)).toContain(`${latin1}: not planned:`);
    });

    it('check reports a syntax error on its line, as text and as structured findings', async () => {
        const result = await call('allium_check', { paths: ['broken.allium'] });
        expect(result.isError).toBeFalsy();
        const { diagnostics, summary } = result.structuredContent as { diagnostics: Array<Record<string, unknown>>; summary: Record<string, number> };
        const syntax = diagnostics.find(d => d.code === 'allium.syntax');
        expect(syntax).toMatchObject({ file: 'broken.allium', line: 8, severity: 'error' });
        expect(summary).toMatchObject({ files: 1 });
        expect(summary.errors).toBeGreaterThan(0);
        expect(text(result)).toContain(`broken.allium:8:${syntax!.column}: error[allium.syntax]`);
        expect(text(result)).toMatch(/1 file checked: \d+ errors/);
    });

    it('check of a folder checks every spec under it; without paths, the whole root', async () => {
        const clean = await call('allium_check', { paths: ['specs'] });
        expect((clean.structuredContent as { files: string[] }).files).toEqual([path.join('specs', 'orders.allium')]);
        expect((clean.structuredContent as { summary: { errors: number } }).summary.errors).toBe(0);
        const all = await call('allium_check', {});
        expect((all.structuredContent as { files: string[] }).files).toEqual(['broken.allium', path.join('specs', 'orders.allium')]);
    });

    it('plan lists the obligations allium plan derives, grouped by declaration', async () => {
        const result = await call('allium_plan', { paths: ['specs/orders.allium'] });
        expect(result.isError).toBeFalsy();
        const { files } = result.structuredContent as { files: Array<{ file: string; obligations: Array<{ id: string; category: string; owner: string }> }> };
        expect(files[0].file).toBe(path.join('specs', 'orders.allium'));
        expect(files[0].obligations).toContainEqual(expect.objectContaining({ id: 'rule-success.ShipOrder', category: 'rule_success', owner: 'rule:ShipOrder' }));
        expect(files[0].obligations).toContainEqual(expect.objectContaining({ id: 'rule-failure.ShipOrder.1', owner: 'rule:ShipOrder' }));
        expect(text(result)).toMatch(/rule:ShipOrder\n\s+rule_success\s+rule-success\.ShipOrder/);
    });

    it('declaration shows the rule with the entity it depends on', async () => {
        const result = await call('allium_declaration', { id: 'rule:ShipOrder', paths: ['specs'] });
        expect(result.isError).toBeFalsy();
        const structured = result.structuredContent as { declaration: { id: string; line: number; source: string }; dependencies: Array<{ id: string }> };
        expect(structured.declaration).toMatchObject({ id: 'orders::rule:ShipOrder', line: 6 });
        expect(structured.declaration.source).toContain('requires: order.status = pending');
        expect(structured.dependencies.map(d => d.id)).toEqual(['orders::entity:Order']);
        expect(text(result)).toContain('# Depends on\n\norders::entity:Order (specs/orders.allium:2)\nentity Order {');
    });

    it('prompt is the generation prompt of the selection, in the target language, with its clause ids', async () => {
        const result = await call('allium_prompt', { paths: ['specs'], selection: ['rule:ShipOrder'], targetLanguage: 'Kotlin' });
        expect(result.isError).toBeFalsy();
        const prompt = result.structuredContent as { targetLanguage: string; selection: string[]; clauses: Array<{ id: string }> };
        expect(prompt).toMatchObject({ targetLanguage: 'Kotlin', selection: ['orders::rule:ShipOrder'] });
        expect(prompt.clauses.map(c => c.id)).toContain('orders::rule:ShipOrder/requires#1');
        expect(text(result)).toMatch(/^# System\n\nYou implement behavioural specifications written in Allium as production-quality Kotlin code/);
        expect(text(result)).toContain('@allium-begin');
    });

    it('trace reports the clauses the code implements and those it lacks', async () => {
        const result = await call('allium_trace', { paths: ['specs'], code: 'gen' });
        expect(result.isError).toBeFalsy();
        const report = result.structuredContent as { code: string; clauses: Array<{ id: string; state: string; implementations: unknown[] }>; summary: Record<string, number> };
        expect(report.code).toBe('gen');
        expect(report.clauses.find(c => c.id === 'orders::rule:ShipOrder/requires#1')).toMatchObject({ state: 'implemented', implementations: [{ file: path.join('gen', 'ship.ts'), line: 3, endLine: 5 }] });
        expect(report.clauses.find(c => c.id === 'orders::entity:Order')?.state).toBe('unimplemented');
        // No test was written, so every obligation is untested.
        expect(report.summary.untested).toBe(report.summary.obligations);
        expect(report.summary.obligations).toBeGreaterThan(0);
        expect(text(result)).toContain('unimplemented  orders::entity:Order (specs/orders.allium:2)');
    });

    it('answers bad input with a tool error that says what is wrong, and keeps serving', async () => {
        const missing = await call('allium_check', { paths: ['nowhere.allium'] });
        expect(missing.isError).toBe(true);
        expect(text(missing)).toBe(`No such file or folder: nowhere.allium (paths are relative to ${root}).`);
        const notSpec = await call('allium_plan', { paths: ['notes.txt'] });
        expect(notSpec.isError).toBe(true);
        expect(text(notSpec)).toContain('No .allium files in notes.txt (skipped: notes.txt is not an Allium file (.allium))');
        const unknown = await call('allium_declaration', { id: 'rule:Nothing', paths: ['specs'] });
        expect(unknown.isError).toBe(true);
        expect(text(unknown)).toBe('Cannot select rule Nothing: nothing in orders declares it.');
        const badType = await call('allium_check', { paths: 'broken.allium' });
        expect(badType.isError).toBe(true);
        expect(text(badType)).toContain('Input validation error');
        const badLanguage = await call('allium_prompt', { targetLanguage: 'Cobol' });
        expect(badLanguage.isError).toBe(true);
        expect(text(badLanguage)).toContain('targetLanguage');
        expect((await call('allium_check', { paths: ['specs'] })).isError).toBeFalsy();
        expect(stderr).toBe('');
    });

    it('lists the specs under the root as resources and reads one; nothing else can be read', async () => {
        const { resources } = await client.listResources();
        const orders = pathToFileURL(path.join(root, 'specs', 'orders.allium')).href;
        expect(resources.map(r => [r.name, r.uri, r.mimeType])).toEqual([
            ['broken.allium', pathToFileURL(path.join(root, 'broken.allium')).href, 'text/x-allium'],
            [path.join('specs', 'orders.allium'), orders, 'text/x-allium']
        ]);
        const read = await client.readResource({ uri: orders });
        expect(read.contents).toEqual([{ uri: orders, mimeType: 'text/x-allium', text: SHIP_ORDER_SPEC }]);
        await expect(client.readResource({ uri: pathToFileURL(path.join(root, 'notes.txt')).href })).rejects.toThrow(/is not an Allium spec under/);
    });
});

describe('allium mcp arguments', () => {
    it('refuses a root that is not a folder and an unknown option, before serving', async () => {
        const dir = tempDir('allium-mcp-args');
        const missing = await runCli(['mcp', '--root', 'nowhere'], dir);
        expect(missing).toMatchObject({ status: 2, stdout: '' });
        expect(missing.stderr).toBe(`${path.join(dir, 'nowhere')} is not a folder.\n`);
        const unknown = await runCli(['mcp', '--port', '3000'], dir);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toMatch(/^Unknown or incomplete option '--port'\.\nUsage: allium mcp/);
    });
});
