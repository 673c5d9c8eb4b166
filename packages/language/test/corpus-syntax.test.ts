import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IssueCodes, parseAllium } from '../src/index.js';
import { corpusFiles, corpusText, referenceDiagnostics } from './corpus-support.js';

// Files where we knowingly differ from the reference on syntax, with the reason; see the file itself.
const KNOWN = path.resolve(__dirname, '../../../docs/corpus-syntax-disagreements.md');

function knownDisagreements(): Set<string> {
    return new Set([...readFileSync(KNOWN, 'utf8').matchAll(/^- `([^`]+)`/gm)].map(m => m[1]));
}

describe('syntax agreement with the reference checker on the whole corpus', () => {
    it('accepts what the reference accepts and rejects what it rejects, on the same lines (±1)', async () => {
        const files = corpusFiles();
        expect(files.length).toBeGreaterThan(90);
        const disagreements: string[] = [];
        for (const file of files) {
            const { diagnostics } = await parseAllium(corpusText(file));
            const ours = diagnostics.filter(d => d.code === IssueCodes.Syntax).map(d => d.range.start.line + 1);
            const theirs = referenceDiagnostics(file).filter(d => d.code === null && d.severity === 'error').map(d => d.line);
            const missed = theirs.filter(line => !ours.some(o => Math.abs(o - line) <= 1));
            const extra = ours.filter(line => !theirs.some(t => Math.abs(t - line) <= 1));
            if (missed.length > 0 || extra.length > 0) {
                disagreements.push(`${file}: reference-only lines [${missed}], our-only lines [${extra}]`);
            }
        }
        console.log(`${files.length - disagreements.length}/${files.length} files agree`);
        for (const line of disagreements) {
            console.log(`  ${line}`);
        }
        const unexplained = disagreements.filter(d => !knownDisagreements().has(d.slice(0, d.indexOf(':'))));
        expect(unexplained).toEqual([]);
    });
});
