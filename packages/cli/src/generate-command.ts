import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlliumCoreServices, type Module } from '@allium/language';
import { buildPrompt, generate, TARGET_LANGUAGES, type TargetLanguage } from '@allium/generate';

export const GENERATE_USAGE = `Usage: allium generate <spec.allium> [--rule Name]... [--lang ${TARGET_LANGUAGES.join('|')}] [--out dir] [--model id] [--max-tokens n] [--dry-run]

Streams an implementation of the spec (or of the named rules) from Claude to stdout, progress on stderr.
Files are written only under --out. Reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL. --dry-run prints the prompt.`;

interface GenerateArgs {
    spec: string;
    rules: string[];
    lang: TargetLanguage;
    out?: string;
    model?: string;
    maxTokens?: number;
    dryRun: boolean;
}

export function parseGenerateArgs(args: string[]): GenerateArgs | string {
    const parsed: GenerateArgs = { spec: '', rules: [], lang: 'TypeScript', dryRun: false };
    for (let i = 0; i < args.length; i++) {
        const value = () => args[++i] ?? '';
        switch (args[i]) {
            case '--rule': parsed.rules.push(value()); break;
            case '--lang': {
                const wanted = value().toLowerCase();
                const lang = TARGET_LANGUAGES.find(l => l.toLowerCase() === wanted || (wanted === 'ts' && l === 'TypeScript'));
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
                if (args[i].startsWith('-') || parsed.spec) {
                    return `Unexpected argument '${args[i]}'.`;
                }
                parsed.spec = args[i];
        }
    }
    return parsed.spec ? parsed : 'No spec file given.';
}

export async function runGenerate(args: GenerateArgs): Promise<number> {
    const { shared } = createAlliumCoreServices(NodeFileSystem);
    const document = await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(path.resolve(args.spec)));
    await shared.workspace.DocumentBuilder.build([document], { validation: false });
    const module = document.parseResult.value as Module;
    const options = { targetLanguage: args.lang, selection: args.rules.length ? args.rules.map(r => `rule:${r}`) : undefined };
    const prompt = buildPrompt(module, options);
    if (args.rules.length && prompt.clauses.length === 0) {
        process.stderr.write(`No rule named ${args.rules.join(', ')} in ${args.spec}.\n`);
        return 2;
    }
    if (args.dryRun) {
        process.stdout.write(`${prompt.system}\n\n${prompt.user}\n`);
        return 0;
    }
    process.stderr.write(`Generating ${args.lang} for ${prompt.clauses.length} clauses of ${args.spec}...\n`);
    const result = await generate(module, {
        ...options, apiKey: process.env.ANTHROPIC_API_KEY, baseURL: process.env.ANTHROPIC_BASE_URL, model: args.model, maxTokens: args.maxTokens,
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
    const covered = result.clauses.length - result.uncovered.length;
    process.stderr.write(`\nClause coverage: ${covered}/${result.clauses.length} clauses linked to generated code.\n`);
    for (const clause of result.uncovered.slice(0, 20)) {
        process.stderr.write(`  not covered: ${clause.id} (line ${clause.range.start.line + 1})\n`);
    }
    if (result.uncovered.length > 20) {
        process.stderr.write(`  ... and ${result.uncovered.length - 20} more\n`);
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
