import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlliumCoreServices, type Module } from '@allium/language';
import { buildPrompt, DEFAULT_MODEL, describePromptSize, generate, measurePrompt, TARGET_LANGUAGES, type ModelPrice, type TargetLanguage } from '@allium/generate';
import { integerFlag, positiveFlag, priceFlag } from './flag-values.js';
import { generationSummary } from './generate-report.js';
import { outDirProblem, writeFiles } from './write-files.js';

export const GENERATE_USAGE = `Usage: allium generate <spec.allium> [--rule Name]... [--lang ${TARGET_LANGUAGES.join('|')}] [--out dir] [--force]
         [--model id] [--max-tokens n] [--max-rounds n] [--idle-timeout seconds] [--price in,out[,cacheWrite,cacheRead]] [--dry-run]

Streams an implementation of the spec (or of the named rules) from Claude to stdout, progress, notes, token counts
and cost on stderr. Files are written only under --out, never over existing files or into dot-directories
without --force. An answer cut at --max-tokens (default per model) is continued, up to --max-rounds requests
(default 4); a stream silent for --idle-timeout seconds (default 60) is abandoned. --price sets USD per million
tokens for the model. Ctrl-C stops, writes what arrived (the file cut off as <name>.incomplete) and exits 130.
Reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL. --dry-run prints the prompt and its size (counted by the API when
a key is set, which generates nothing). Exit status: 0 complete and written, 1 incomplete or files skipped,
2 bad arguments or no key, 130 interrupted.`;

/** Flags followed by a value. */
const VALUED = new Set(['--rule', '--lang', '--out', '--model', '--max-tokens', '--max-rounds', '--idle-timeout', '--price']);

interface GenerateArgs {
    spec: string;
    rules: string[];
    lang: TargetLanguage;
    out?: string;
    model?: string;
    maxTokens?: number;
    maxRounds?: number;
    idleTimeoutSeconds?: number;
    price?: ModelPrice;
    force: boolean;
    dryRun: boolean;
}

/** Applies a parsed flag value, or passes its problem on. */
function take<T>(result: T | string, apply: (value: T) => void): string | undefined {
    if (typeof result === 'string') {
        return result;
    }
    apply(result);
    return undefined;
}

export function parseGenerateArgs(args: string[]): GenerateArgs | string {
    const parsed: GenerateArgs = { spec: '', rules: [], lang: 'TypeScript', force: false, dryRun: false };
    for (let i = 0; i < args.length; i++) {
        if (VALUED.has(args[i]) && args[i + 1] === undefined) {
            return `${args[i]} needs a value.`;
        }
        const value = () => args[++i]!;
        let problem: string | undefined;
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
            case '--max-tokens': problem = take(integerFlag('--max-tokens', value(), 1), n => { parsed.maxTokens = n; }); break;
            case '--max-rounds': problem = take(integerFlag('--max-rounds', value(), 1), n => { parsed.maxRounds = n; }); break;
            case '--idle-timeout': problem = take(positiveFlag('--idle-timeout', value()), n => { parsed.idleTimeoutSeconds = n; }); break;
            case '--price': problem = take(priceFlag(value()), price => { parsed.price = price; }); break;
            case '--force': parsed.force = true; break;
            case '--dry-run': parsed.dryRun = true; break;
            default:
                if (args[i].startsWith('-') || parsed.spec) {
                    return `Unexpected argument '${args[i]}'.`;
                }
                parsed.spec = args[i];
        }
        if (problem) {
            return problem;
        }
    }
    return parsed.spec ? parsed : 'No spec file given.';
}

export async function runGenerate(args: GenerateArgs): Promise<number> {
    const outProblem = args.out !== undefined && !args.dryRun ? outDirProblem(args.out) : undefined;
    if (outProblem) {
        process.stderr.write(`${outProblem}\n`);
        return 2;
    }
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
    const model = args.model ?? DEFAULT_MODEL;
    const prices = args.price ? { [model]: args.price } : undefined;
    const connection = { apiKey: process.env.ANTHROPIC_API_KEY, baseURL: process.env.ANTHROPIC_BASE_URL, model, maxTokens: args.maxTokens, prices };
    if (args.dryRun) {
        process.stdout.write(`${prompt.system}\n\n${prompt.user}\n`);
        const size = await measurePrompt({ ...connection, system: prompt.system, user: prompt.user });
        process.stderr.write(`${describePromptSize(size, model, args.maxTokens)}\n`);
        return 0;
    }
    process.stderr.write(`Generating ${args.lang} for ${prompt.clauses.length} clauses of ${args.spec}...\n`);
    const interrupt = stopOnInterrupt();
    const result = await generate(module, {
        ...options, ...connection, maxRounds: args.maxRounds, idleTimeoutSeconds: args.idleTimeoutSeconds, signal: interrupt.signal,
        onStatus: status => process.stderr.write(`${status.message}\n`),
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
    interrupt.dispose();
    if (result.incomplete?.kind === 'no-key') {
        process.stderr.write(`${result.incomplete.message}\n`);
        return 2;
    }
    const written = args.out !== undefined ? writeFiles(args.out, result.files, { force: args.force, cutFile: result.incomplete ? result.cutFile : undefined }) : undefined;
    process.stderr.write(generationSummary(result, written, args.out));
    return interrupt.signal.aborted ? 130 : result.incomplete || written?.skipped.length ? 1 : 0;
}

/**
 * Ctrl-C during a generation stops the stream instead of the process, so that what arrived is still written and
 * summarised (exit 130 afterwards); a second Ctrl-C exits at once.
 */
function stopOnInterrupt(): { signal: AbortSignal; dispose: () => void } {
    const controller = new AbortController();
    const onInterrupt = () => {
        if (controller.signal.aborted) {
            process.exit(130);
        }
        process.stderr.write('\nInterrupted: stopping, and keeping what arrived (Ctrl-C again to quit at once).\n');
        controller.abort();
    };
    process.on('SIGINT', onInterrupt);
    return { signal: controller.signal, dispose: () => process.off('SIGINT', onInterrupt) };
}
