import { ANALYSE_USAGE, runAnalyse } from './analyse-command.js';
import { CHECK_USAGE, runCheck } from './check-command.js';
import { DIAGRAM_USAGE, parseDiagramArgs, runDiagram } from './diagram-command.js';
import { FORMAT_USAGE, runFormat } from './format-command.js';
import { GENERATE_USAGE, parseGenerateArgs, runGenerate } from './generate-command.js';
import { MODEL_USAGE, runModel } from './model-command.js';
import { PARSE_USAGE, runParse } from './parse-command.js';
import { PLAN_USAGE, runPlan } from './plan-command.js';
import { generateDefaultFlags, loadProjectConfig } from './project-config-file.js';
import { parseTraceArgs, runTrace, TRACE_USAGE } from './trace-command.js';
import { CLI_VERSION } from './version.js';

interface Command {
    /** One line for the overview. */
    summary: string;
    /** Printed for --help; a command without it prints its own. */
    usage?: string;
    run(args: string[]): Promise<number>;
}

/** A command whose arguments are parsed first; a problem with them is shown with the usage, exit status 2. */
function parsed<T>(usage: string, parse: (args: string[]) => T | string, run: (args: T) => Promise<number>): (args: string[]) => Promise<number> {
    return async args => {
        const result = parse(args);
        if (typeof result === 'string') {
            process.stderr.write(`${result}\n${usage}\n`);
            return 2;
        }
        return run(result);
    };
}

/** The config's generation defaults go first, so the flags given win. */
async function generateWithDefaults(args: string[]): Promise<number> {
    return parsed(GENERATE_USAGE, parseGenerateArgs, runGenerate)([...generateDefaultFlags(await loadProjectConfig(undefined)), ...args]);
}

// One line per command.
const COMMANDS: Record<string, Command> = {
    check: { summary: 'check specs: findings as text, the reference JSON or SARIF (allium check --help)', usage: CHECK_USAGE, run: runCheck },
    format: { summary: 'list (--check) or rewrite (--write) specs the formatter would change', usage: FORMAT_USAGE, run: runFormat },
    generate: { summary: 'stream an implementation of a spec set from Claude', usage: GENERATE_USAGE, run: generateWithDefaults },
    plan: { summary: 'test obligations of a spec, as the reference allium plan', usage: PLAN_USAGE, run: runPlan },
    trace: { summary: 'spec-to-code links, drift and untested obligations', usage: TRACE_USAGE, run: parsed(TRACE_USAGE, parseTraceArgs, runTrace) },
    // The MCP SDK loads only for `mcp`, which prints its own help.
    mcp: { summary: 'an MCP server on stdio for agents (allium mcp --help)', run: async args => (await import('./mcp/mcp-command.js')).runMcp(args) },
    diagram: { summary: 'state machines or event flow as SVG, Mermaid or D2', usage: DIAGRAM_USAGE, run: parsed(DIAGRAM_USAGE, parseDiagramArgs, runDiagram) },
    analyse: { summary: 'process findings (dead transitions, deadlocks, ...), as the reference allium analyse', usage: ANALYSE_USAGE, run: runAnalyse },
    model: { summary: 'domain model of a spec as JSON, as the reference allium model', usage: MODEL_USAGE, run: runModel },
    parse: { summary: 'syntax tree of a spec as JSON', usage: PARSE_USAGE, run: runParse }
};

const USAGE = `Usage: allium <command> [arguments]   (allium <command> --help for each)

Commands:
${Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)}${command.summary}`).join('\n')}

  -V, --version  print the version`;

/** Runs the command `argv` names (the arguments after `allium`) and returns its exit status. */
export async function runCli(argv: string[]): Promise<number> {
    const [name, ...rest] = argv;
    if (name === '--version' || name === '-V') {
        process.stdout.write(`allium ${CLI_VERSION}\n`);
        return 0;
    }
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        const topic = name === 'help' && rest[0] ? COMMANDS[rest[0]] : undefined;
        if (topic && !topic.usage) {
            return topic.run(['--help']);
        }
        process.stdout.write(`${topic?.usage ?? USAGE}\n`);
        return name === undefined ? 2 : 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) {
        process.stderr.write(`Unknown command '${name}'.\n${USAGE}\n`);
        return 2;
    }
    if (command.usage && (rest.includes('--help') || rest.includes('-h'))) {
        process.stdout.write(`${command.usage}\n`);
        return 0;
    }
    return command.run(rest);
}

/** Runs the CLI as a process does: the exit status becomes the process's, an unexpected error is one line on stderr. */
export function runProcess(argv: string[]): Promise<void> {
    return runCli(argv).then(code => { process.exitCode = code; }, error => {
        process.stderr.write(`allium: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    });
}
