import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createAlliumCoreServices } from '@allium/language';
import {
    buildPrompt, DEFAULT_MODEL, describePromptSize, loadSpecSet, measurePrompt, messageContent, modulePrompts, promptText, runModules, SelectionError,
    TARGET_LANGUAGES, targetLanguageNamed, type GenerationPrompt, type ModelPrice, type TargetLanguage
} from '@allium/generate';
import { resolveInputs, warnSkipped } from './input-files.js';
import { integerFlag, positiveFlag, priceFlag } from './flag-values.js';
import { generationSummary } from './generate-report.js';
import { filesToSave, writeTrace } from './trace-writer.js';
import { outDirProblem, writeFiles } from './write-files.js';

export const GENERATE_USAGE = `Usage: allium generate <files-or-dirs>... [--rule Name]... [--entity Name]... [--surface Name]... [--contract Name]...
         [--lang ${TARGET_LANGUAGES.join('|')}] [--out dir] [--force] [--model id] [--max-tokens n] [--max-rounds n]
         [--idle-timeout seconds] [--price in,out[,cacheWrite,cacheRead]] [--by-module] [--dry-run]

Streams an implementation of the spec set (or of the named declarations) from Claude to stdout, progress, notes,
token counts and cost on stderr. The set is the given files and the .allium files under the given folders; the
files they import come along as context. A name may carry its module where several files declare it:
--rule orders::ShipOrder. --by-module generates a set bigger than one answer module by module, in import order,
each request sharing the cached spec and given the public API the earlier modules produced. Files are written only under --out, never over existing files or into dot-directories
without --force. An answer cut at --max-tokens (default per model) is continued, up to --max-rounds requests
(default 4); a stream silent for --idle-timeout seconds (default 60) is abandoned. --price sets USD per million
tokens for the model. Ctrl-C stops, writes what arrived (the file cut off as <name>.incomplete) and exits 130.
Reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL. --dry-run prints the prompt and its size (counted by the API when
a key is set, which generates nothing). Exit status: 0 complete and written, 1 incomplete or files skipped,
2 bad arguments or no key, 130 interrupted.`;

/** Flags followed by a value. */
const VALUED = new Set(['--rule', '--entity', '--surface', '--contract', '--lang', '--out', '--model', '--max-tokens', '--max-rounds', '--idle-timeout', '--price']);

const SELECTORS: Record<string, string> = { '--rule': 'rule', '--entity': 'entity', '--surface': 'surface', '--contract': 'contract' };

interface GenerateArgs {
    inputs: string[];
    /** Declaration ids: `rule:ShipOrder`, `orders::rule:ShipOrder`. */
    selection: string[];
    lang: TargetLanguage;
    out?: string;
    model?: string;
    maxTokens?: number;
    maxRounds?: number;
    idleTimeoutSeconds?: number;
    price?: ModelPrice;
    force: boolean;
    dryRun: boolean;
    /** One request per module of the set, in import order. */
    byModule: boolean;
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
    const parsed: GenerateArgs = { inputs: [], selection: [], lang: 'TypeScript', force: false, dryRun: false, byModule: false };
    for (let i = 0; i < args.length; i++) {
        if (VALUED.has(args[i]) && args[i + 1] === undefined) {
            return `${args[i]} needs a value.`;
        }
        const value = () => args[++i]!;
        let problem: string | undefined;
        if (SELECTORS[args[i]]) {
            parsed.selection.push(selectionId(SELECTORS[args[i]], value()));
            continue;
        }
        switch (args[i]) {
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
            case '--max-tokens': problem = take(integerFlag('--max-tokens', value(), 1), n => { parsed.maxTokens = n; }); break;
            case '--max-rounds': problem = take(integerFlag('--max-rounds', value(), 1), n => { parsed.maxRounds = n; }); break;
            case '--idle-timeout': problem = take(positiveFlag('--idle-timeout', value()), n => { parsed.idleTimeoutSeconds = n; }); break;
            case '--price': problem = take(priceFlag(value()), price => { parsed.price = price; }); break;
            case '--force': parsed.force = true; break;
            case '--dry-run': parsed.dryRun = true; break;
            case '--by-module': parsed.byModule = true; break;
            default:
                if (args[i].startsWith('-')) {
                    return `Unexpected argument '${args[i]}'.`;
                }
                parsed.inputs.push(args[i]);
        }
        if (problem) {
            return problem;
        }
    }
    return parsed.inputs.length ? parsed : 'No spec file or folder given.';
}

/** `--rule orders::ShipOrder` selects `orders::rule:ShipOrder`; `--rule ShipOrder`, `rule:ShipOrder`. */
function selectionId(kind: string, name: string): string {
    const at = name.indexOf('::');
    return at < 0 ? `${kind}:${name}` : `${name.slice(0, at)}::${kind}:${name.slice(at + 2)}`;
}

export async function runGenerate(args: GenerateArgs): Promise<number> {
    const outProblem = args.out !== undefined && !args.dryRun ? outDirProblem(args.out) : undefined;
    if (outProblem) {
        process.stderr.write(`${outProblem}\n`);
        return 2;
    }
    const prompts = await promptsFor(args);
    if (typeof prompts === 'string') {
        process.stderr.write(`${prompts}\n`);
        return 2;
    }
    // What the whole run links to: every module's clauses and obligations.
    const prompt = { ...prompts[0].prompt, clauses: prompts.flatMap(p => p.prompt.clauses), obligations: prompts.flatMap(p => p.prompt.obligations) };
    const model = args.model ?? DEFAULT_MODEL;
    const prices = args.price ? { [model]: args.price } : undefined;
    const connection = { apiKey: process.env.ANTHROPIC_API_KEY, baseURL: process.env.ANTHROPIC_BASE_URL, model, maxTokens: args.maxTokens, prices };
    if (args.dryRun) {
        for (const { module, prompt: one } of prompts) {
            process.stdout.write(prompts.length > 1 ? `\n======== module ${module} ========\n\n${promptText(one)}` : promptText(one));
            const size = await measurePrompt({ ...connection, ...messageContent(one) });
            process.stderr.write(`${prompts.length > 1 ? `${module}: ` : ''}${describePromptSize(size, model, args.maxTokens)}\n`);
        }
        return 0;
    }
    const what = prompts.length > 1 ? `${prompts.length} modules, one request each` : prompt.selection.length <= 3 ? prompt.selection.join(', ') : `${prompt.selection.length} declarations`;
    process.stderr.write(`Generating ${args.lang} for ${what}: ${prompt.clauses.length} clauses, ${prompt.obligations.length} test obligations...\n`);
    const interrupt = stopOnInterrupt();
    const result = await runModules(prompts, {
        ...connection, maxRounds: args.maxRounds, idleTimeoutSeconds: args.idleTimeoutSeconds, signal: interrupt.signal,
        onModule: (module, index, total) => total > 1 && process.stderr.write(`\nModule ${index + 1}/${total}: ${module}\n`),
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
    const written = args.out !== undefined ? writeFiles(args.out, filesToSave(prompt, result), { force: args.force, cutFile: result.incomplete ? result.cutFile : undefined }) : undefined;
    process.stderr.write(generationSummary(result, written, args.out));
    if (written && args.out !== undefined) {
        process.stderr.write(`${writeTrace(args.out, prompt, result, written)}\n`);
    }
    return interrupt.signal.aborted ? 130 : result.incomplete || written?.skipped.length ? 1 : 0;
}

/** The prompts for the spec set and selection the arguments name (one per module with --by-module), or what is wrong. */
async function promptsFor(args: GenerateArgs): Promise<Array<{ module: string; prompt: GenerationPrompt }> | string> {
    const files = await resolveInputs(args.inputs, warnSkipped);
    if (files.length === 0) {
        return `No .allium files found in ${args.inputs.join(', ')}.`;
    }
    const { Allium } = createAlliumCoreServices(NodeFileSystem);
    const set = await loadSpecSet(Allium, files.map(f => URI.file(f)));
    if (args.byModule && args.selection.length) {
        return '--by-module generates whole modules; it takes no --rule, --entity, --surface or --contract.';
    }
    try {
        return args.byModule ? modulePrompts(set, { targetLanguage: args.lang })
            : [{ module: set.selected.map(m => m.name).join(', '), prompt: buildPrompt(set, { targetLanguage: args.lang, selection: args.selection }) }];
    } catch (error) {
        if (error instanceof SelectionError) {
            return error.message;
        }
        throw error;
    }
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
