import { describe, expect, it } from 'vitest';
import { canonicalJson, domainModelOf, parseAllium, processFindings, type Module } from '../../packages/language/src/index.js';
import { parseJson } from '../../packages/cli/src/parse-command.js';
import { PATHOLOGICAL } from './pathological-specs.js';
import { ownCpu } from '../support/cpu-bound.js';

// `allium parse`, `model` and `analyse` walk the whole tree, and the analysis walks lifecycles: none of them may
// throw or exhaust the stack on a spec built to break a tree walk.
const SPECS: Record<string, () => string> = {
    ...PATHOLOGICAL,
    'derived value of 5,000 terms': () => `-- allium: 3\nentity E {\n    n: Integer\n    total: ${Array(5000).fill('n').join(' + ')}\n}\n`,
    // Below the 500 operators the parser takes in a row, so every state is one of the status's.
    'lifecycle of 400 states in a ring': () => {
        const states = Array.from({ length: 400 }, (_, i) => `s${i}`);
        return `-- allium: 3\nentity Ring {\n    status: ${states.join(' | ')} | done\n    transitions status {\n`
            + states.map((s, i) => `        ${s} -> ${states[(i + 1) % states.length]}\n`).join('')
            + `        terminal: done\n    }\n}\n\nrule Start {\n    when: Go(ring)\n    ensures:\n`
            + states.map(s => `        Ring.created(status: ${s})\n`).join('') + '}\n';
    }
};

// Bounded by the CPU time of this test process (a fork of its own), which a loaded machine barely changes: a few seconds
// for the slowest (the 2 MB enum line), so 60 s is a hang or a blow-up. The wall clock is left to a generous timeout.
describe('parse, model and analyse on pathological specs', { timeout: 600_000 }, () => {
    for (const [name, build] of Object.entries(SPECS)) {
        it(`${name}: a tree, a model and findings`, async () => {
            const { value: [tree, model, findings], cpuMs } = await ownCpu(async () => {
                const { document } = await parseAllium(build());
                const module = document.parseResult.value as Module;
                return [JSON.parse(canonicalJson(parseJson(document, [], 3))) as { module: { declarations: unknown[] } }, domainModelOf(module), processFindings(module)] as const;
            });
            expect(tree.module.declarations.length).toBeGreaterThan(0);
            expect(model).toBeDefined();
            if (name.startsWith('lifecycle')) {
                // Every state is created and none reaches `done`: each is a deadlock on the ring.
                expect(findings.filter(f => f.type === 'deadlock')).toHaveLength(400);
                expect(findings.find(f => f.type === 'deadlock' && f.state === 's0')).toMatchObject({ cycle: expect.arrayContaining(['s0', 's399']) });
            }
            expect(cpuMs, 'CPU time of the parse and check').toBeLessThan(60_000);
        });
    }
});
