import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { LspClient } from '../lsp/lsp-client.js';
import { CORPUS, corpusFiles, type Position } from '../lsp/corpus.js';
import { idle } from '../support/cpu-bound.js';
import { alliumServices } from '../../packages/language/src/index.js';

const SNIPPETS = ['{', '}', ':', '\n    ', '\n', 'ensures: ', '.', '(', ')', 'rule ', 'entity X {', 'if ', '-- ', '"', ' + 1', 'when: ', '\r\n'];
const EDITS_PER_SPEC = 150;
const BOUNDARY_SNIPPETS = ['x', 'a_', ' ', '\n', '-- note\n', 'rule Added {\n    when: Ping()\n    ensures: Done()\n}\n', 'entity Extra {\n    n: Integer\n}\n\n',
    '\n\n', '}', '{', 'default Limit = 3\n', 'enum Kind { a | b }\n'];

function random(seed: number): () => number {
    return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

type Diagnostics = Awaited<ReturnType<LspClient['diagnosticsFor']>>;

/**
 * The diagnostics once the server has nothing left to do: the last build for the last edit has finished. Told by its
 * CPU time standing still, not by a pause in publications, which a loaded machine stretches past any wait.
 */
async function settled(client: LspClient, uri: string): Promise<Diagnostics> {
    await client.diagnosticsFor(uri, () => true, 600_000);
    await idle(client.pid, { cpuMs: 60_000, what: `the builds after editing ${uri}` });
    return client.diagnosticsFor(uri);
}

function comparable(diagnostics: Diagnostics): string[] {
    return diagnostics.map(d => JSON.stringify([d.range, d.code, d.message])).sort();
}

describe('incremental edits', () => {
    const edited = new LspClient();
    const fresh = new LspClient();
    afterAll(() => Promise.all([edited.dispose(), fresh.dispose()]));

    it('leave the same diagnostics as a fresh open of the final text', async () => {
        await Promise.all([edited.initialize(), fresh.initialize()]);
        // EDIT_SEED=n explores other edit sequences; the default keeps runs repeatable.
        const next = random(Number(process.env.EDIT_SEED ?? 7));
        const specs = corpusFiles(CORPUS, f => !f.includes('synthetic')).slice(0, 3);
        let edits = 0;
        let slowest = 0;
        let slowestCpu = 0;
        for (const [index, file] of specs.entries()) {
            const uri = `file:///edits/spec-${index}.allium`;
            let text = readFileSync(file, 'utf8');
            await edited.open(uri, text);
            for (let version = 2; version < 2 + EDITS_PER_SPEC; version++) {
                const start = Math.floor(next() * (text.length + 1));
                const end = next() < 0.5 ? start : Math.min(text.length, start + Math.floor(next() * 30));
                const inserted = next() < 0.6 ? SNIPPETS[Math.floor(next() * SNIPPETS.length)] : '';
                const range = { start: positionAt(text, start), end: positionAt(text, end) };
                text = text.slice(0, start) + inserted + text.slice(end);
                await edited.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: inserted }] });
                edits++;
                if (version % 5 === 0) {
                    const asked = Date.now();
                    const position = positionAt(text, Math.floor(next() * text.length));
                    const hover = edited.request('textDocument/hover', { textDocument: { uri }, position }).catch(() => undefined);
                    // The answer waits for the rebuild of the edits before it: 10 s of server CPU would be a hang.
                    const { cpuMs } = await edited.within(hover, { cpuMs: 10_000, what: `hover after edit ${edits}` });
                    slowest = Math.max(slowest, Date.now() - asked);
                    slowestCpu = Math.max(slowestCpu, cpuMs);
                }
            }
            const afterEdits = await settled(edited, uri);
            const freshUri = `file:///fresh/spec-${index}.allium`;
            await fresh.open(freshUri, text);
            const afterOpen = await settled(fresh, freshUri);
            expect(comparable(afterEdits), `spec ${file} after ${EDITS_PER_SPEC} edits`).toEqual(comparable(afterOpen));
        }
        console.log(`${edits} incremental edits over ${specs.length} specs; slowest request ${slowest} ms (server CPU ${slowestCpu} ms)`);
        expect(edited.alive && fresh.alive).toBe(true);
    }, 900_000);

    // The server re-parses only the declarations an edit touched when the spec is valid before and after
    // (declaration-splice.ts): edits at declaration boundaries of specs kept valid, where that matters most.
    it('at declaration boundaries of valid specs leave the same diagnostics as a fresh open', async () => {
        await Promise.all([edited.initialize(), fresh.initialize()]);
        const next = random(Number(process.env.EDIT_SEED ?? 11));
        const parser = alliumServices().parser.LangiumParser;
        const valid = (text: string) => {
            const result = parser.parse(text);
            return result.parserErrors.length + result.lexerErrors.length === 0 && (result.value as { strays: unknown[] }).strays.length === 0;
        };
        const specs = corpusFiles(CORPUS, f => !f.includes('synthetic')).filter(f => valid(readFileSync(f, 'utf8'))).filter((_, i) => i % 8 === 0);
        let edits = 0;
        let kept = 0;
        for (const [index, file] of specs.entries()) {
            const uri = `file:///boundaries/spec-${index}.allium`;
            let text = readFileSync(file, 'utf8');
            await edited.open(uri, text);
            for (let version = 2; version < 42; version++) {
                const marks = [...text.matchAll(/\n(?=[A-Za-z])|}\n/g)].flatMap(m => [m.index, m.index + m[0].length]);
                const at = next() < 0.6 && marks.length > 0 ? marks[Math.floor(next() * marks.length)] : Math.floor(next() * (text.length + 1));
                const end = next() < 0.6 ? at : Math.min(text.length, at + Math.floor(next() * 8));
                const inserted = next() < 0.8 ? BOUNDARY_SNIPPETS[Math.floor(next() * BOUNDARY_SNIPPETS.length)] : '';
                const candidate = text.slice(0, at) + inserted + text.slice(end);
                // Mostly edits that leave the spec valid; now and then a broken one, which the next edits repair or not.
                if (!valid(candidate) && next() < 0.8) {
                    continue;
                }
                kept += valid(candidate) ? 1 : 0;
                const range = { start: positionAt(text, at), end: positionAt(text, end) };
                text = candidate;
                await edited.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: inserted }] });
                edits++;
            }
            const afterEdits = await settled(edited, uri);
            const freshUri = `file:///fresh-boundaries/spec-${index}.allium`;
            await fresh.open(freshUri, text);
            expect(comparable(afterEdits), `spec ${file}`).toEqual(comparable(await settled(fresh, freshUri)));
        }
        console.log(`${edits} declaration-boundary edits over ${specs.length} specs, ${kept} of them to a valid spec`);
        expect(kept).toBeGreaterThan(specs.length * 5);
    }, 240_000);
});
