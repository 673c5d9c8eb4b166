// CPU of validation and time per validation check, in process, after `npm run build`:
//     node bench/validation-checks.mjs [runs] [file|1mb ...]     (default: 10 runs of big-3k and of the 1 MB spec)
// Each run parses and links a fresh document (as a keystroke or an open does, so no tree memo or document cache is
// warm) and validates it with every category. Even runs measure the whole `validateDocument` (main-thread CPU and
// wall time); odd runs time each registered check, summed over its calls in the run. Printed: the medians, and the
// number of findings.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { DocumentState, EmptyFileSystem, URI, ValidationRegistry } from 'langium';
import { ALL_CATEGORIES, createAlliumCoreServices } from '../packages/language/out/index.js';
import { largeSpec } from '../test/support/large-spec.mjs';
import { median, root } from './figures.mjs';

const times = new Map();
// Each check is timed by a wrapper put around it before the registry wraps it in its own.
const register = ValidationRegistry.prototype.register;
ValidationRegistry.prototype.register = function (checksRecord, thisObj, category) {
    const timed = Object.fromEntries(Object.entries(checksRecord).map(([type, checks]) =>
        [type, Array.isArray(checks) ? checks.map(timedCheck) : timedCheck(checks)]));
    return register.call(this, timed, thisObj, category);
};
function timedCheck(check) {
    const name = checkNames[checkNumber++] ?? check.name;
    // Wall time: `process.cpuUsage` costs more than many node checks themselves.
    return function (node, accept, cancelToken) {
        if (!timing) {
            return check.call(this, node, accept, cancelToken);
        }
        const start = performance.now();
        const done = () => times.set(name, (times.get(name) ?? 0) + performance.now() - start);
        const result = check.call(this, node, accept, cancelToken);
        return result instanceof Promise ? result.finally(done) : done();
    };
}
let checkNumber = 0;
let timing = false;
// The checks' names in the order register.ts registers them (the factories' checks are anonymous arrow functions).
const checkNames = readFileSync(path.join(root, 'packages/language/src/validation/register.ts'), 'utf8')
    .split('registerAlliumValidators')[1].split('\n')
    .flatMap(line => [...line.matchAll(/\b(check[A-Z]\w*|\w+Check)\b/g)].map(match => match[1]));
const { shared, Allium } = createAlliumCoreServices(EmptyFileSystem);

const [runsArg = '10', ...files] = process.argv.slice(2);
const runs = Number(runsArg);
// CPU time of this (the main) thread in ms: process.cpuUsage also counts V8's GC threads, which are still busy
// with the parse's garbage while the validation runs. Linux only; elsewhere the process's CPU time.
const threadCpu = existsSync('/proc/thread-self/schedstat')
    ? () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6
    : () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000; };

for (const file of files.length ? files : ['test/corpus/synthetic/big-3k.allium', '1mb']) {
    const text = file === '1mb' ? largeSpec(1_000_000) : readFileSync(path.resolve(root, file), 'utf8');
    const perCheck = new Map();
    const whole = [];
    const wall = [];
    let findings = 0;
    for (let run = 0; run < runs; run++) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///run-${run}.allium`));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: false });
        if (document.state < DocumentState.IndexedReferences) {
            throw new Error(`${file} was not linked`);
        }
        // Odd runs time each check, even runs only the whole validation, which the timing of each check would inflate.
        timing = run % 2 === 1;
        times.clear();
        const start = threadCpu();
        const wallStart = performance.now();
        const diagnostics = await Allium.validation.DocumentValidator.validateDocument(document, { categories: [...ALL_CATEGORIES] });
        const used = threadCpu() - start;
        if (!timing) {
            whole.push(used);
            wall.push(performance.now() - wallStart);
        }
        findings = diagnostics.length;
        for (const [name, ms] of times) {
            perCheck.set(name, [...(perCheck.get(name) ?? []), ms]);
        }
        shared.workspace.LangiumDocuments.deleteDocument(document.uri);
    }
    const rows = [...perCheck].map(([name, ms]) => [name, median(ms)]).sort((a, b) => b[1] - a[1]);
    console.log(`${file}: validateDocument median ${median(whole).toFixed(1)} ms CPU, ${median(wall).toFixed(1)} ms wall over ${runs / 2} runs, ${findings} findings; checks sum ${rows.reduce((sum, [, ms]) => sum + ms, 0).toFixed(1)} ms`);
    for (const [name, ms] of rows.filter(([, ms]) => ms >= 0.05)) {
        console.log(`  ${ms.toFixed(2).padStart(8)}  ${name}`);
    }
}
