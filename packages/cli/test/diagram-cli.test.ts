import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/run-cli.js';

const REPO = path.resolve(__dirname, '../../..');

describe('allium diagram', () => {
    it('prints a standalone SVG of the state machines by default, with counts on stderr', async () => {
        const { status, stdout, stderr } = await runCli(['diagram', 'examples/orders/orders.allium'], REPO);
        expect(status).toBe(0);
        expect(stdout).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="allium-diagram"[^>]*><style>/);
        expect(stdout).toContain('data-node="Order.status.cancelled"');
        expect(stdout.trimEnd().endsWith('</svg>')).toBe(true);
        expect(stderr).toBe('1 state machine, 6 nodes, 5 edges\n');
    });

    it('prints the same model as Mermaid and D2, for a folder and for the flow', async () => {
        const mermaid = await runCli(['diagram', '--format', 'mermaid', 'examples/clinic'], REPO);
        expect(mermaid.status).toBe(0);
        expect(mermaid.stdout.startsWith('stateDiagram-v2\n    state "Patient.status" as g0 {\n')).toBe(true);
        expect(mermaid.stderr).toBe('6 state machines, 25 nodes, 20 edges\n');
        const d2 = await runCli(['diagram', '--format=d2', '--kind=flow', 'examples/orders/orders.allium'], REPO);
        expect(d2.status).toBe(0);
        expect(d2.stdout).toContain(': "Warehouse\\norders" {shape: hexagon}');
        expect(d2.stderr).toMatch(/^\d+ nodes, \d+ edges\n$/);
    });

    it('refuses bad arguments with exit 2 and the usage', async () => {
        for (const args of [['diagram'], ['diagram', '--format', 'png', 'x.allium'], ['diagram', '--kind'], ['diagram', '--zoom', 'x.allium']]) {
            const { status, stderr } = await runCli(args, REPO);
            expect(status).toBe(2);
            expect(stderr).toContain('Usage: allium diagram');
        }
        const none = await runCli(['diagram', 'no-such-dir'], REPO);
        expect(none.status).toBe(2);
        const help = await runCli(['diagram', '--help'], REPO);
        expect(help.status).toBe(0);
        expect(help.stdout).toContain('--kind flow');
    });
});
