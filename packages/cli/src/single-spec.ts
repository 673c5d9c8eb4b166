import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { canonicalJson } from '@allium/language';
import { unreadableBecause } from '@allium/language/node';
import { Checker } from './check.js';
import { parseDiagnostics, type ReferenceDiagnostic } from './reference-diagnostics.js';

/**
 * Runs a command of the reference's single-file contract (`parse`, `model`): exactly one spec, named in the output
 * as given; prints `output`'s JSON with its keys in alphabetical order and the parse diagnostics added; exits 1 when one of them is an error, 2 on bad
 * arguments, 1 when the file cannot be read.
 */
export async function runSingleSpec(args: string[], usage: string,
    output: (document: LangiumDocument, diagnostics: ReferenceDiagnostic[], version: number | null, checker: Checker) => object): Promise<number> {
    if (args.length !== 1 || args[0].startsWith('-')) {
        process.stderr.write(`${usage}\n`);
        return 2;
    }
    const [file] = args;
    const problem = unreadableBecause(file);
    if (problem) {
        process.stderr.write(`${file}: it ${problem}\n`);
        return 1;
    }
    const checker = new Checker();
    const [result] = await checker.inspect([path.resolve(file)], process.cwd(), (document, findings) => {
        const { diagnostics, version } = parseDiagnostics(document, findings, file);
        return { json: output(document, diagnostics, version, checker), failed: diagnostics.some(d => d.severity === 'error') };
    });
    // Keys in alphabetical order, as the reference prints them.
    process.stdout.write(canonicalJson(result.json, 2) + '\n');
    return result.failed ? 1 : 0;
}
