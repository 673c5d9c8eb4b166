import { URI } from 'langium';
import { buildDiagram, renderDiagram } from '@allium/diagram';
import { loadSpecSet, type DiagramFormat, type DiagramKind } from '@allium/generate';
import { coreServices } from './core-services.js';
import { resolveInputs, warnSkipped } from './input-files.js';

export const DIAGRAM_USAGE = `Usage: allium diagram [--format svg|mermaid|d2] [--kind states|flow] <file-or-directory>...

Draws a spec set, as the editor's "Allium: Show diagram" does, to stdout (redirect it to a file):
  --kind states  each entity's transitions as a state machine: terminal states marked, each edge labelled with
                 the rules that take it, creation from the initial state, rule changes the graph does not declare
                 dashed (the default)
  --kind flow    the event flow: surfaces -> triggers -> rules -> emitted triggers -> rules, across \`use\`
  --format svg   a standalone SVG (the default); mermaid and d2 print text for those tools
The files the given ones import come along: their rules take transitions and their triggers flow.
Exit status: 0 drawn, 2 no input or bad arguments.`;

interface DiagramArgs {
    format: DiagramFormat;
    kind: DiagramKind;
    inputs: string[];
}

export function parseDiagramArgs(args: string[]): DiagramArgs | string {
    const parsed: DiagramArgs = { format: 'svg', kind: 'states', inputs: [] };
    for (let i = 0; i < args.length; i++) {
        const arg = args[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        if (flag === '--format' || flag === '--kind') {
            const value = inline ?? args[++i];
            const allowed = flag === '--format' ? ['svg', 'mermaid', 'd2'] : ['states', 'flow'];
            if (value === undefined || !allowed.includes(value)) {
                return `${flag} takes ${allowed.join(', ')}${value === undefined ? '' : `, not '${value}'`}.`;
            }
            if (flag === '--format') {
                parsed.format = value as DiagramFormat;
            } else {
                parsed.kind = value as DiagramKind;
            }
        } else if (arg.startsWith('-')) {
            return `Unknown option ${arg}.`;
        } else {
            parsed.inputs.push(arg);
        }
    }
    return parsed.inputs.length === 0 ? 'No spec file or folder given.' : parsed;
}

export async function runDiagram(args: DiagramArgs): Promise<number> {
    const files = await resolveInputs(args.inputs, warnSkipped);
    if (files.length === 0) {
        process.stderr.write('No .allium files found for the given inputs.\n');
        return 2;
    }
    const Allium = coreServices();
    const set = await loadSpecSet(Allium, files.map(f => URI.file(f)));
    const result = renderDiagram(buildDiagram(Allium, set.modules, args.kind), args.format, true);
    process.stdout.write(result.text.endsWith('\n') ? result.text : `${result.text}\n`);
    const pictures = args.kind === 'states' ? `${result.groups} state machine${result.groups === 1 ? '' : 's'}, ` : '';
    process.stderr.write(`${pictures}${result.nodes} nodes, ${result.edges} edges\n`);
    return 0;
}
