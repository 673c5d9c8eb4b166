// Writes docs/diagnostics.md from the diagnostic catalogue (packages/language/src/diagnostics/catalogue.ts).
// Usage: npm run build && node scripts/diagnostics-doc.mjs
import { writeFileSync } from 'node:fs';
import { renderDiagnosticsDoc } from '../packages/language/out/index.js';

writeFileSync(new URL('../docs/diagnostics.md', import.meta.url), renderDiagnosticsDoc());
