import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAGRAM_REQUEST, type DiagramParams, type DiagramResult } from '@allium/generate/streaming';
import { LspClient } from './lsp-client.js';

const ORDERS = path.resolve(__dirname, '../../examples/orders');
const ordersUri = pathToFileURL(path.join(ORDERS, 'orders.allium')).href;
const paymentsUri = pathToFileURL(path.join(ORDERS, 'payments.allium')).href;
const ordersText = readFileSync(path.join(ORDERS, 'orders.allium'), 'utf8');

describe('allium/diagram over JSON-RPC', () => {
    let client: LspClient;

    beforeAll(async () => {
        client = new LspClient();
        await client.initialize(ORDERS);
        await client.open(ordersUri, ordersText);
        await client.diagnosticsFor(ordersUri);
    });

    afterAll(() => client.dispose());

    const request = (params: DiagramParams) => client.request<DiagramResult>(DIAGRAM_REQUEST, params);

    it('draws the state machines of an open spec as SVG whose targets are its declarations', async () => {
        const result = await request({ uris: [ordersUri], kind: 'states' });
        expect(result).toMatchObject({ kind: 'states', format: 'svg', groups: 1, nodes: 6, edges: 5 });
        expect(result.text).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="allium-diagram"/);
        expect(result.text).not.toContain('<style>');
        const paid = /data-node="Order\.status\.paid" data-target="(\d+)"/.exec(result.text);
        expect(result.targets[Number(paid![1])]).toEqual({ uri: ordersUri, range: { start: { line: 27, character: 22 }, end: { line: 27, character: 26 } } });
        expect(ordersText.split('\n')[27].slice(22, 26)).toBe('paid');
    });

    it('draws the text of the last edit, sent just before the request, not the file on disk', async () => {
        const edited = ordersText.replace('paid -> shipped', 'paid -> shipped\n        paid -> refunded');
        await client.change(ordersUri, edited, 2);
        const result = await request({ uris: [ordersUri], kind: 'states' });
        expect(result.text).toContain('data-node="Order.status.refunded"');
        expect(result.nodes).toBe(7);
        await client.change(ordersUri, ordersText, 3);
        expect((await request({ uris: [ordersUri], kind: 'states' })).text).not.toContain('refunded');
    });

    it('draws the event flow across use as Mermaid and D2 text, and a standalone SVG with its stylesheet', async () => {
        const mermaid = await request({ uris: [ordersUri], kind: 'flow', format: 'mermaid' });
        expect(mermaid.text.split('\n')[0]).toBe('flowchart LR');
        expect(mermaid.text).toContain('(["AuthorisePayment<br/><small>payments</small>"])');
        expect(mermaid.targets).toEqual([]);
        const d2 = await request({ uris: [ordersUri], kind: 'flow', format: 'd2' });
        expect(d2.text).toContain('"Backoffice\\npayments" {shape: hexagon}');
        const svg = await request({ uris: [ordersUri], kind: 'flow', standalone: true });
        expect(svg.text).toContain('<style>');
        const trigger = /data-node="trigger:payments::AuthorisePayment" data-target="(\d+)"/.exec(svg.text);
        expect(svg.targets[Number(trigger![1])].uri).toBe(paymentsUri);
    });

    it('still draws a spec with syntax errors, from what parsed', async () => {
        const broken = ordersText.replace('requires: order.status = paid', 'requires: order.status == paid )(');
        await client.change(ordersUri, broken, 4);
        const result = await request({ uris: [ordersUri], kind: 'states' });
        expect(result.text).toContain('data-node="Order.status.delivered"');
        await client.change(ordersUri, ordersText, 5);
    });

    it('answers bad params with invalid-params errors that say what to send', async () => {
        await expect(request({ uris: [], kind: 'states' })).rejects.toThrow(/No spec file to draw/);
        await expect(request({ uris: [ordersUri], kind: 'pie' as never })).rejects.toThrow(/Unknown diagram kind 'pie': use 'states' or 'flow'/);
        await expect(request({ uris: [ordersUri], kind: 'flow', format: 'png' as never })).rejects.toThrow(/Unknown diagram format 'png'/);
        expect(client.alive).toBe(true);
    });
});
