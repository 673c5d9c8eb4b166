// Diagram render time (target < 300 ms), from linked documents to the SVG the server's allium/diagram request sends
// (model, dagre layout, SVG text): the state machines of big-3k's 54 entities and the event flow of the example set
// (examples/orders and examples/clinic together). Figures: the first render in a fresh process (the JIT cold, no
// layout cached: opening the diagram), and the median redraw after an edit that changes one picture (a rule
// renamed: the other pictures' layouts are reused), as the webview does 300 ms after a keystroke. Mermaid and D2
// text of the same model for comparison. Needs `npm run build`.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { buildDiagram, renderDiagram } from '../packages/diagram/out/index.js';
import { loadSpecSet, SpecSet } from '../packages/generate/out/index.js';
import { createAlliumCoreServices } from '../packages/language/out/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EDITS = 10;
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** `files` drawn once cold, then after each of EDITS edits of `edited` (a rule renamed, so one picture changes). */
async function measure(label, files, kind, edited, rule) {
    const { Allium } = createAlliumCoreServices(NodeFileSystem);
    const workspace = Allium.shared.workspace;
    let set = await loadSpecSet(Allium, files.map(f => URI.file(f)));
    const render = format => {
        const start = performance.now();
        const result = renderDiagram(buildDiagram(Allium, set.modules, kind), format);
        return { result, ms: performance.now() - start };
    };
    const first = render('svg');
    const redraws = [];
    const uri = URI.file(edited);
    const text = readFileSync(edited, 'utf8');
    for (let i = 0; i < EDITS; i++) {
        const document = workspace.LangiumDocumentFactory.fromString(text.replaceAll(rule, `${rule}Edit${i}`), uri);
        workspace.LangiumDocuments.deleteDocument(uri);
        workspace.LangiumDocuments.addDocument(document);
        await workspace.DocumentBuilder.build([document], { validation: false });
        set = new SpecSet(Allium, files.map(f => workspace.LangiumDocuments.getDocument(URI.file(f))));
        redraws.push(render('svg').ms);
    }
    const textFormats = ['mermaid', 'd2'].map(format => `${format === 'd2' ? 'D2' : 'Mermaid'} ${median(Array.from({ length: 5 }, () => render(format).ms)).toFixed(1)} ms`).join(', ');
    const worst = Math.max(first.ms, median(redraws));
    const { groups, nodes, edges } = first.result;
    console.log(`${label} (${groups} pictures, ${nodes} nodes, ${edges} edges): SVG first render ${first.ms.toFixed(0)} ms, redraw after an edit median ${median(redraws).toFixed(1)} ms `
        + `(${EDITS} edits); ${textFormats} (target < 300 ms${worst >= 300 ? ': OVER' : ''})`);
    return worst < 300;
}

const example = (folder, name) => path.join(root, 'examples', folder, `${name}.allium`);
const examples = [...['orders', 'payments'].map(n => example('orders', n)), ...['core', 'scheduling', 'reminders', 'billing', 'encounters'].map(n => example('clinic', n))];
const big = path.join(root, 'test/corpus/synthetic/big-3k.allium');
const kind = process.argv[2];
const ok = kind === 'flow'
    ? await measure('examples/ event flow', examples, 'flow', example('clinic', 'billing'), 'RaiseSelfPayInvoice')
    : await measure('big-3k.allium state machines', [big], 'states', big, 'SuspendItem00007');
if (kind === undefined) {
    // Each figure in its own process, so that the first render of each is cold.
    const { spawnSync } = await import('node:child_process');
    const flow = spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'flow'], { stdio: 'inherit' });
    process.exitCode = ok && flow.status === 0 ? 0 : 1;
} else {
    process.exitCode = ok ? 0 : 1;
}
