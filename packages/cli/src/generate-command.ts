import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlliumCoreServices } from '@allium/language';
import { buildPrompt, loadSpecSet, promptText, runGeneration, SelectionError, TARGET_LANGUAGES, targetLanguageNamed, type TargetLanguage } from '@allium/generate';
import { resolveInputs } from './check.js';

export const GENERATE_USAGE = `Usage: allium generate <files-or-dirs>... [--rule Name]... [--entity Name]... [--surface Name]... [--contract Name]...
                       [--lang ${TARGET_LANGUAGES.join('|')}] [--out dir] [--model id] [--max-tokens n] [--dry-run]

Streams an implementation of the spec set (or of the named declarations) from Claude to stdout, progress on stderr.
The set is the given files and the .allium files under the given folders; files they import are context.
A name may carry its module where several files declare it: --rule orders::ShipOrder.
Files are written only under --out. Reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL. --dry-run prints the prompt.`;

const SELECTORS: Record<string, string> = { '--rule': 'rule', '--entity': 'entity', '--surface': 'surface', '--contract': 'contract' };

interface GenerateArgs {
    inputs: string[];
    /** Declaration ids: `rule:ShipOrder`, `orders::rule:ShipOrder`. */
    selection: string[];
    lang: TargetLanguage;
    out?: string;
    model?: string;
    maxTokens?: number;
    dryRun: boolean;
}

export function parseGenerateArgs(args: string[]): GenerateArgs | string {
    const parsed: GenerateArgs = { inputs: [], selection: [], lang: 'TypeScript', dryRun: false };
    for (let i = 0; i < args.length; i++) {
        const value = () => args[++i] ?? '';
        const arg = args[i];
        if (SELECTORS[arg]) {
            const name = value();
            if (!name || name.startsWith('-')) {
                return `${arg} needs a name.`;
            }
            const at = name.indexOf('::');
            parsed.selection.push(at < 0 ? `${SELECTORS[arg]}:${name}` : `${name.slice(0, at)}::${SELECTORS[arg]}:${name.slice(at + 2)}`);
            continue;
        }
        switch (arg) {
            case '--lang': {
                const wanted = value();
                const lang = targetLanguageNamed(wanted);
                if (!lang) {
                    return `Unknown language '${wanted}'. Choose one of ${TARGET_LANGUAGES.join(', ')}.`;
                }
                parsed.lang = lang;
                break;
            }
            case '--out': parsed.out = value(); break;
            case '--model': parsed.model = value(); break;
            case '--max-tokens': parsed.maxTokens = Number(value()); break;
            case '--dry-run': parsed.dryRun = true; break;
            default:
                if (arg.startsWith('-')) {
                    return `Unexpected argument '${arg}'.`;
                }
                parsed.inputs.push(arg);
        }
    }
    return parsed.inputs.length ? parsed : 'No spec file or folder given.';
}

export async function runGenerate(args: GenerateArgs): Promise<number> {
    const files = await resolveInputs(args.inputs);
    if (files.length === 0) {
        process.stderr.write(`No .allium files found in ${args.inputs.join(', ')}.\n`);
        return 2;
    }
    const { Allium } = createAlliumCoreServices(NodeFileSystem);
    const set = await loadSpecSet(Allium, files.map(f => URI.file(f)));
    let prompt;
    try {
        prompt = buildPrompt(set, { targetLanguage: args.lang, selection: args.selection });
    } catch (error) {
        if (error instanceof SelectionError) {
            process.stderr.write(`${error.message}\n`);
            return 2;
        }
        throw error;
    }
    if (args.dryRun) {
        process.stdout.write(promptText(prompt));
        return 0;
    }
    const what = args.selection.length ? args.selection.join(', ') : set.selected.map(m => m.name).join(', ');
    process.stderr.write(`Generating ${args.lang} for ${what}: ${prompt.clauses.length} clauses, ${prompt.obligations.length} test obligations...\n`);
    const result = await runGeneration(prompt, {
        apiKey: process.env.ANTHROPIC_API_KEY, baseURL: process.env.ANTHROPIC_BASE_URL, model: args.model, maxTokens: args.maxTokens,
        onEvents: events => {
            for (const event of events) {
                if (event.type === 'text') {
                    process.stdout.write(event.text);
                } else if (event.type === 'file') {
                    process.stderr.write(`\n[file ${event.file.path}]\n`);
                }
            }
        }
    });
    if (result.incomplete?.kind === 'no-key') {
        process.stderr.write(`${result.incomplete.message}\n`);
        return 2;
    }
    if (args.out) {
        const root = path.resolve(args.out);
        for (const file of result.files) {
            const target = path.resolve(root, file.path);
            if (target !== root && !target.startsWith(root + path.sep)) {
                process.stderr.write(`Skipped ${file.path}: it would be written outside ${args.out}.\n`);
                continue;
            }
            mkdirSync(path.dirname(target), { recursive: true });
            writeFileSync(target, file.text);
            process.stderr.write(`Wrote ${path.relative(process.cwd(), target)}\n`);
        }
    }
    process.stderr.write(`\nClause coverage: ${result.clauses.length - result.uncovered.length}/${result.clauses.length} clauses linked to generated code.\n`);
    listSome('not covered', result.uncovered.map(c => `${c.id} (line ${c.range.start.line + 1})`));
    if (result.obligations.length) {
        process.stderr.write(`Test coverage: ${result.obligations.length - result.untested.length}/${result.obligations.length} obligations have a linked test.\n`);
        listSome('not tested', result.untested.map(o => o.id));
    }
    if (result.unknownIds.length) {
        process.stderr.write(`Ignored ${result.unknownIds.length} marker id${result.unknownIds.length === 1 ? '' : 's'} the request did not list: ${result.unknownIds.slice(0, 10).join(', ')}${result.unknownIds.length > 10 ? ', ...' : ''}\n`);
    }
    if (result.usage) {
        process.stderr.write(`Tokens: ${result.usage.inputTokens} in, ${result.usage.outputTokens} out.\n`);
    }
    if (result.incomplete) {
        process.stderr.write(`Incomplete: ${result.incomplete.message}\n`);
        return 1;
    }
    return 0;
}

function listSome(label: string, items: string[]): void {
    for (const item of items.slice(0, 20)) {
        process.stderr.write(`  ${label}: ${item}\n`);
    }
    if (items.length > 20) {
        process.stderr.write(`  ... and ${items.length - 20} more\n`);
    }
}
