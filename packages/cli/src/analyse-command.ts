import * as path from 'node:path';
import { canonicalJson, processFindings, type Module } from '@allium/language';
import { Checker } from './check.js';
import { reportUnreadable, resolveInputs, warnSkipped } from './input-files.js';
import { referenceDiagnostic } from './reference-diagnostics.js';

export const ANALYSE_USAGE = `Usage: allium analyse <file-or-directory>...

Runs the checks of \`allium check\` and a process analysis of each spec: transitions no rule can take
(dead_transition), required values nothing sets (missing_producer), states with no achievable way to a
terminal state (deadlock), triggers no surface provides and no rule emits (unreachable_trigger), rules that
can fire together and set different statuses (conflict), and rules that can break a uniqueness invariant
(invariant_risk). Prints, per file, as the reference \`allium analyse\` does:
  {"command":"analyse","diagnostics":[{code,location:{col,file,line},message,severity}],"findings":[{type,summary,...}],"spec_file":...}
Exit status: 0 no findings, 1 findings in some file, 2 no input, bad arguments or a file that cannot be read (the
other files are still analysed).`;

export async function runAnalyse(args: string[]): Promise<number> {
    const unknown = args.filter(a => a.startsWith('-'));
    if (unknown.length > 0) {
        process.stderr.write(`Unknown option ${unknown.join(', ')}.\n${ANALYSE_USAGE}\n`);
        return 2;
    }
    const files = await resolveInputs(args, warnSkipped);
    if (files.length === 0) {
        process.stderr.write(args.length === 0 ? `${ANALYSE_USAGE}\n` : 'No .allium files found for the given inputs.\n');
        return 2;
    }
    // A file given alone is named as given, as the reference does; files found in directories relative to the working directory.
    const single = files.length === 1 && args.length === 1 && path.resolve(args[0]) === files[0] ? args[0] : undefined;
    const checker = new Checker();
    const unreadable = reportUnreadable();
    const reports = await checker.inspect(files, process.cwd(), (document, findings) => {
        const file = single ?? (path.relative(process.cwd(), document.uri.fsPath) || document.uri.fsPath);
        return {
            command: 'analyse',
            diagnostics: findings.map(f => referenceDiagnostic(f, file)),
            findings: processFindings(document.parseResult.value as Module, checker.services),
            spec_file: file
        };
    }, unreadable.report);
    // One JSON document per file, one after the other, with keys in alphabetical order: the reference's output.
    process.stdout.write(reports.map(report => canonicalJson(report, 2) + '\n').join(''));
    return unreadable.files.length > 0 ? 2 : reports.some(report => report.findings.length > 0) ? 1 : 0;
}
