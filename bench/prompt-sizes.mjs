// Prompt sizes for one rule, one file and a whole spec set of the examples, and the share of the request taken by
// the clause and obligation lists. Tokens are estimated at 4 characters each (no network here to count them).
// Needs `npx tsc -b` (reads packages/*/out).
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlliumCoreServices } from '../packages/language/out/index.js';
import { buildPrompt, loadSpecSet } from '../packages/generate/out/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clinic = ['core', 'scheduling', 'reminders', 'billing', 'encounters'].map(m => `examples/clinic/${m}.allium`);
const cases = [
    ['rule orders::ShipOrder', ['examples/orders/orders.allium'], ['rule:ShipOrder']],
    ['rule clinic reminders::QueueReminder', ['examples/clinic/reminders.allium'], ['rule:QueueReminder']],
    ['file examples/orders/orders.allium', ['examples/orders/orders.allium'], []],
    ['file examples/clinic/billing.allium', ['examples/clinic/billing.allium'], []],
    ['set examples/clinic/ (5 files)', clinic, []]
];

const tokens = text => Math.round(text.length / 4);
const section = (text, heading) => {
    const start = text.indexOf(heading);
    if (start < 0) {
        return '';
    }
    const next = text.indexOf('\n## ', start + heading.length);
    return text.slice(start, next < 0 ? text.length : next);
};

console.log('selection | system | cached prefix | request | total (est. tokens) | clause list | obligation list | build ms');
for (const [name, files, selection] of cases) {
    const { Allium } = createAlliumCoreServices(NodeFileSystem);
    const set = await loadSpecSet(Allium, files.map(f => URI.file(path.join(root, f))));
    const started = performance.now();
    const prompt = buildPrompt(set, { targetLanguage: 'Kotlin', selection });
    const ms = performance.now() - started;
    const total = tokens(prompt.system) + tokens(prompt.prefix) + tokens(prompt.request);
    const share = text => `${tokens(text)} (${(100 * tokens(text) / total).toFixed(0)} %)`;
    console.log(`${name} | ${tokens(prompt.system)} | ${tokens(prompt.prefix)} | ${tokens(prompt.request)} | ${total} | ${share(section(prompt.request, '## Clause ids to link'))} | ${share(section(prompt.request, '## Test obligations'))} | ${ms.toFixed(1)}`);
}
