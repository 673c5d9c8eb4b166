// `npm run bench`: runs every benchmark of the project in turn, each in its own process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benches = ['check.mjs', 'lsp-latency.mjs', 'generate-chunks.mjs', 'prompt-sizes.mjs', 'trace.mjs', 'preview-deltas.mjs', 'diagrams.mjs'];
let failed = false;
for (const bench of benches) {
    const file = path.join(here, bench);
    if (!existsSync(file)) {
        continue;
    }
    console.log(`\n== ${bench}`);
    const result = spawnSync(process.execPath, [file], { stdio: 'inherit' });
    failed ||= result.status !== 0;
}
process.exitCode = failed ? 1 : 0;
