import { Checker, type Finding } from './check.js';
import { resolveInputs, warnSkipped } from './input-files.js';
import { DIAGRAM_USAGE, parseDiagramArgs, runDiagram } from './diagram-command.js';
import { FORMAT_USAGE, runFormat } from './format-command.js';
import { GENERATE_USAGE, parseGenerateArgs, runGenerate } from './generate-command.js';
import { PLAN_USAGE, runPlan } from './plan-command.js';
import { parseTraceArgs, runTrace, TRACE_USAGE } from './trace-command.js';

const USAGE = `Usage: allium check [--json] [--extended] <file-or-directory>...
       allium format [--check | --write] <file-or-directory>...
       allium generate <files-or-dirs>... [--rule Name] [--lang kotlin] [--out dir] [--force] [--dry-run] (generate --help)
       allium trace <files-or-dirs>... --code <dir> [--json] [--strict]   (spec-to-code links and drift)
       allium plan [--json] <file-or-directory>...   (test obligations; allium plan --help)
       allium mcp [--root <folder>]   (an MCP server on stdio for agents; allium mcp --help)
       allium diagram [--format svg|mermaid|d2] [--kind states|flow] <file-or-directory>...   (allium diagram --help)

Checks Allium specifications and reports problems.
  --json      print {"diagnostics":[{file,line,column,severity,code,message}]}
  --extended  also run the checks of JUXT's VS Code extension that its CLI leaves out
              (open questions, rules without when:/ensures:, temporal rules without a guard, ...)
Exit status: 0 no errors or warnings, 1 errors or warnings found, 2 no input.`;

async function main(argv: string[]): Promise<number> {
    const [command, ...rest] = argv;
    if (command === '--help' || command === '-h' || command === undefined) {
        process.stdout.write(USAGE + '\n');
        return command === undefined ? 2 : 0;
    }
    if (command === 'mcp') { return (await import('./mcp/mcp-command.js')).runMcp(rest); } // the MCP SDK loads only for `mcp`
    if (command === 'generate') {
        if (rest.includes('--help') || rest.includes('-h')) {
            process.stdout.write(GENERATE_USAGE + '\n');
            return 0;
        }
        const args = parseGenerateArgs(rest);
        if (typeof args === 'string') {
            process.stderr.write(`${args}\n${GENERATE_USAGE}\n`);
            return 2;
        }
        return runGenerate(args);
    }
    if (command === 'format') {
        if (rest.includes('--help') || rest.includes('-h')) {
            process.stdout.write(FORMAT_USAGE + '\n');
            return 0;
        }
        return runFormat(rest);
    }
    if (command === 'plan') {
        if (rest.includes('--help') || rest.includes('-h')) {
            process.stdout.write(PLAN_USAGE + '\n');
            return 0;
        }
        return runPlan(rest);
    }
    if (command === 'diagram') {
        if (rest.includes('--help') || rest.includes('-h')) {
            process.stdout.write(DIAGRAM_USAGE + '\n');
            return 0;
        }
        const args = parseDiagramArgs(rest);
        if (typeof args === 'string') {
            process.stderr.write(`${args}\n${DIAGRAM_USAGE}\n`);
            return 2;
        }
        return runDiagram(args);
    }
    if (command === 'trace') {
        if (rest.includes('--help') || rest.includes('-h')) {
            process.stdout.write(TRACE_USAGE + '\n');
            return 0;
        }
        const args = parseTraceArgs(rest);
        if (typeof args === 'string') {
            process.stderr.write(`${args}\n${TRACE_USAGE}\n`);
            return 2;
        }
        return runTrace(args);
    }
    if (command !== 'check') {
        process.stderr.write(`Unknown command '${command}'.\n${USAGE}\n`);
        return 2;
    }
    const json = rest.includes('--json');
    const extended = rest.includes('--extended');
    const unknown = rest.filter(a => a.startsWith('-') && a !== '--json' && a !== '--extended');
    if (unknown.length > 0) {
        process.stderr.write(`Unknown option ${unknown.join(', ')}.\n${USAGE}\n`);
        return 2;
    }
    const inputs = rest.filter(a => !a.startsWith('-'));
    const files = await resolveInputs(inputs, warnSkipped);
    if (files.length === 0) {
        process.stderr.write(inputs.length === 0 ? `${USAGE}\n` : 'No .allium files found for the given inputs.\n');
        return 2;
    }
    const findings = await new Checker(undefined, extended).check(files);
    process.stdout.write(json ? JSON.stringify({ diagnostics: findings }, null, 2) + '\n' : formatHuman(findings, files.length));
    return findings.some(f => f.severity !== 'info') ? 1 : 0;
}

function formatHuman(findings: Finding[], fileCount: number): string {
    const lines = findings.map(f => `${f.file}:${f.line}:${f.column}: ${f.severity}${f.code ? `[${f.code}]` : ''}: ${f.message}`);
    const count = (s: string) => findings.filter(f => f.severity === s).length;
    lines.push(`${fileCount} file${fileCount === 1 ? '' : 's'} checked: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} infos.`);
    return lines.join('\n') + '\n';
}

main(process.argv.slice(2)).then(code => { process.exitCode = code; }, error => {
    process.stderr.write(`allium: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
});
