import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from '../lsp/lsp-client.js';
import { readFileSync } from 'node:fs';
import { largeSpec, PATHOLOGICAL, SIZED } from './pathological-specs.js';

/** Resident memory of a process in MB, from Linux's /proc: now, and at its peak. */
function memoryMb(pid: number | undefined): { rss: number; peak: number } {
    const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
    const mb = (field: string) => Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
    return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}

/** What an editor asks right after opening a file; each must be answered, with a result, in bounded time. */
const REQUESTS: Array<[string, (uri: string) => unknown]> = [
    ['textDocument/documentSymbol', uri => ({ textDocument: { uri } })],
    ['textDocument/foldingRange', uri => ({ textDocument: { uri } })],
    ['textDocument/semanticTokens/full', uri => ({ textDocument: { uri } })],
    // Inside the long identifier where there is one; elsewhere the position is past the end of its line.
    ['textDocument/hover', uri => ({ textDocument: { uri }, position: { line: 6, character: 50_000 } })],
    ['textDocument/completion', uri => ({ textDocument: { uri }, position: { line: 6, character: 50_000 } })],
    ['textDocument/formatting', uri => ({ textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })]
];

/*
 * Bounds are on the server's CPU time (test/support/cpu-bound.ts), which a loaded machine barely changes, with the
 * wall clock left to vitest's generous timeout. A spec gets 20 s of CPU to its first diagnostics and each request 10 s:
 * on an idle machine the slowest takes about 1 s, so these catch a hang or a blow-up, not a busy machine. A spec
 * whose size is the pathological part is also opened at a quarter of its size: its CPU time may grow at most eight
 * times for four times the input, where linear work grows four times and quadratic work sixteen.
 */
const OPEN_CPU_MS = 20_000;
const REQUEST_CPU_MS = 10_000;
const GROWTH_LIMIT = 8;
const WALL_TIMEOUT_MS = 600_000;

/** Opens `text` and asks every request of {@link REQUESTS}; returns the CPU times the server spent. */
async function openAndAsk(client: LspClient, uri: string, text: string): Promise<{ open: number; slowest: number; diagnostics: Awaited<ReturnType<LspClient['nextDiagnostics']>> }> {
    const published = client.nextDiagnostics(uri, WALL_TIMEOUT_MS);
    await client.open(uri, text);
    const { value: diagnostics, cpuMs: open } = await client.within(published, { cpuMs: OPEN_CPU_MS, what: `first diagnostics of ${uri}` });
    let slowest = 0;
    for (const [method, params] of REQUESTS) {
        const { cpuMs } = await client.within(client.request(method, params(uri)), { cpuMs: REQUEST_CPU_MS, what: `${method} on ${uri}` });
        slowest = Math.max(slowest, cpuMs);
    }
    return { open, slowest, diagnostics };
}

const uriOf = (name: string, suffix = '') => `file:///adversarial/${name.replace(/[^a-z0-9]+/gi, '-')}${suffix}.allium`;

describe('pathological specs', () => {
    const client = new LspClient();
    beforeAll(async () => {
        await client.initialize();
        // The parser builds its lookahead on first use: a first small spec keeps that out of the figures below.
        await openAndAsk(client, uriOf('warm-up'), largeSpec(2000));
    }, WALL_TIMEOUT_MS);
    afterAll(() => client.dispose());

    for (const [name, build] of Object.entries(PATHOLOGICAL)) {
        it(`${name}: diagnostics and answers in bounded CPU time, the server alive`, async () => {
            const { open, slowest, diagnostics } = await openAndAsk(client, uriOf(name), build());
            expect(diagnostics.some(d => d.code === 'allium.internal'), JSON.stringify(diagnostics.slice(0, 3))).toBe(false);
            expect(client.alive).toBe(true);
            console.log(`${name}: server CPU to first diagnostics ${open} ms, slowest request ${slowest} ms, ${diagnostics.length} diagnostics`);
        }, WALL_TIMEOUT_MS);
    }

    for (const [name, { n, build }] of Object.entries(SIZED)) {
        it(`${name}: CPU time grows linearly with the size`, async () => {
            const quarter = await openAndAsk(client, uriOf(name, '-quarter'), build(n / 4));
            const whole = await openAndAsk(client, uriOf(name, '-whole'), build(n));
            const [small, large] = [quarter.open + quarter.slowest, whole.open + whole.slowest];
            console.log(`${name}: server CPU ${small} ms at n/4, ${large} ms at n (${(large / Math.max(small, 1)).toFixed(1)}x for 4x the input)`);
            // Below 200 ms both are within a few ticks of the clock and the ratio says nothing.
            expect(large <= 200 || large <= GROWTH_LIMIT * small, `${large} ms at n against ${small} ms at n/4`).toBe(true);
        }, WALL_TIMEOUT_MS);
    }

    it('checks a 1 MB valid spec fully, and says how much CPU time and memory it took', async () => {
        // A server of its own, so that its memory is that of this spec alone.
        const alone = new LspClient();
        await alone.initialize();
        const uri = 'file:///adversarial/large.allium';
        const published = alone.nextDiagnostics(uri, WALL_TIMEOUT_MS);
        await alone.open(uri, largeSpec(1_000_000));
        const { value: diagnostics, cpuMs } = await alone.within(published, { cpuMs: 40_000, what: 'first diagnostics of the 1 MB spec' });
        const memory = memoryMb(alone.pid);
        // The outline is bounded: every declaration, and members only up to the limit.
        type Symbol = { children?: Symbol[] };
        const outline = await alone.within(alone.request<Symbol[]>('textDocument/documentSymbol', { textDocument: { uri } }), { cpuMs: REQUEST_CPU_MS, what: 'outline of the 1 MB spec' });
        const count = (symbols: Symbol[]): number => symbols.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
        await alone.dispose();
        expect(outline.value.length).toBeGreaterThan(9_000);
        expect(count(outline.value)).toBeLessThanOrEqual(10_000);
        console.log(`1 MB spec: server CPU to first diagnostics ${cpuMs} ms, outline ${outline.cpuMs} ms, ${diagnostics.length} diagnostics, server RSS ${memory.rss} MB (peak ${memory.peak} MB)`);
        expect(diagnostics.some(d => d.code === 'allium.budget')).toBe(false);
        // The target is 300 MB (npm run bench); this bound catches a regression to holding several copies of the tree.
        expect(memory.peak).toBeLessThan(600);
    }, WALL_TIMEOUT_MS);

    it('opens a 10 MB spec without parsing it, and says so', async () => {
        const uri = 'file:///adversarial/ten-mb.allium';
        const published = client.nextDiagnostics(uri, WALL_TIMEOUT_MS);
        await client.open(uri, largeSpec(10_000_000));
        const { value: diagnostics, cpuMs } = await client.within(published, { cpuMs: OPEN_CPU_MS, what: 'first diagnostics of a 10 MB spec' });
        expect(diagnostics.map(d => d.code)).toEqual(['allium.budget']);
        expect(diagnostics[0].message).toContain('it is not checked at all, not even its syntax');
        const { cpuMs: formatting } = await client.within(client.request('textDocument/formatting', REQUESTS[5][1](uri)), { cpuMs: REQUEST_CPU_MS, what: 'formatting a 10 MB spec' });
        console.log(`10 MB spec: server CPU to first diagnostics ${cpuMs} ms, formatting ${formatting} ms`);
    }, WALL_TIMEOUT_MS);

    it('completes after a nested ambiguous expression in bounded CPU time', async () => {
        // The completion parser reads the text up to the cursor with the same ambiguous grammar; unbounded, its
        // prediction here did not end within a minute.
        let expression = 'x';
        for (let i = 0; i < 10; i++) {
            expression = `f(a * (${expression}))`;
        }
        const line = `    ensures: order.total = ${expression} + `;
        const uri = uriOf('completion after nesting');
        await client.open(uri, `-- allium: 3\nentity Order {\n    total: Integer\n}\n\nrule R {\n    when: order: Order.created\n${line}\n}\n`);
        const { value, cpuMs } = await client.within(client.request<{ items: unknown[] } | unknown[]>('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: line.length } }),
            { cpuMs: REQUEST_CPU_MS, what: 'completion after a nested expression' });
        expect(Array.isArray(value) ? value.length : value.items.length).toBeGreaterThan(0);
        console.log(`completion after f(a * (...)) 10 deep: server CPU ${cpuMs} ms`);
    }, WALL_TIMEOUT_MS);

    it('says where nesting or length was bounded', async () => {
        const uri = 'file:///adversarial/bounded.allium';
        const published = client.nextDiagnostics(uri, WALL_TIMEOUT_MS);
        await client.open(uri, PATHOLOGICAL['nested parentheses']());
        const messages = (await client.within(published, { cpuMs: OPEN_CPU_MS, what: 'diagnostics of nested parentheses' })).value.map(d => d.message);
        expect(messages.some(m => m.startsWith('Nested too deeply'))).toBe(true);
    }, WALL_TIMEOUT_MS);
});
