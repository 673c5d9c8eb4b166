import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { configuredSeverity, ConfigError } from '@allium/language';
import { Baseline, BaselineError } from './baseline.js';
import { Checker, type Finding, type Severity } from './check.js';
import { FORMATS, formatJson, formatSarif, formatText, type CheckReport, type Format } from './check-formats.js';
import { reportUnreadable, resolveInputs, warnSkipped } from './input-files.js';
import { loadProjectConfig, projectTakes } from './project-config-file.js';
import { watchChecks } from './check-watch.js';
import { CLI_VERSION } from './version.js';

export const CHECK_USAGE = `Usage: allium check [options] <file-or-directory>...

Checks Allium specifications and reports problems; directories are searched for .allium files.
  --format text|json|sarif  text: file:line:column: severity[code]: message, and a count (default on a terminal);
                            json: the reference allium check's output, one {"command","diagnostics","findings",
                            "spec_file"} object per file (default when the output is not a terminal);
                            sarif: SARIF 2.1.0, for GitHub code scanning
  --json                    the same as --format json
  --extended                also run the checks of JUXT's VS Code extension that its CLI leaves out
                            (open questions, rules without when:/ensures:, temporal rules without a guard, ...)
  --min-severity error|warning|info
                            report only findings at least this severe (default info: all)
  --fail-on error|warning   exit 1 on errors only, or on errors and warnings (default warning, as the reference)
  --ignore-code CODE[,CODE] never report these codes (repeatable; adds to "ignore" of allium.config.json)
  --config FILE             the project settings to use; default: allium.config.json in the working folder or
                            the nearest folder above it (severity overrides, ignored codes, include/exclude globs)
  --baseline FILE           leave out the findings FILE records: only new findings are reported and fail
  --write-baseline FILE     record the findings reported in FILE and exit 0, to adopt checks on existing specs
  --watch                   check again whenever a spec or the config changes; Ctrl-C ends
Exit status: 0 nothing to fail on, 1 findings to fail on or a path that does not exist, 2 no input or bad arguments.`;

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export interface CheckOptions {
    inputs: string[];
    format: Format;
    extended: boolean;
    minSeverity: Severity;
    failOn: 'error' | 'warning';
    ignoreCodes: string[];
    config?: string;
    baseline?: string;
    writeBaseline?: string;
    watch: boolean;
}

/** The options, or the message saying what is wrong with the arguments. */
export function parseCheckArgs(args: string[], interactive = Boolean(process.stdout.isTTY)): CheckOptions | string {
    let parsed;
    try {
        parsed = parseArgs({
            args,
            allowPositionals: true,
            options: {
                format: { type: 'string' }, json: { type: 'boolean' }, extended: { type: 'boolean' },
                'min-severity': { type: 'string' }, 'fail-on': { type: 'string' }, 'ignore-code': { type: 'string', multiple: true },
                config: { type: 'string' }, baseline: { type: 'string' }, 'write-baseline': { type: 'string' }, watch: { type: 'boolean' }
            }
        });
    } catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
    const { values, positionals } = parsed;
    const format = values.format ?? (values.json || !interactive ? 'json' : 'text');
    if (!(FORMATS as readonly string[]).includes(format)) {
        return `--format takes ${FORMATS.join(', ')}, not '${format}'.`;
    }
    if (values.json && format !== 'json') {
        return `--json and --format ${format} contradict each other.`;
    }
    const minSeverity = values['min-severity'] ?? 'info';
    if (!(SEVERITIES as string[]).includes(minSeverity)) {
        return `--min-severity takes ${SEVERITIES.join(', ')}, not '${minSeverity}'.`;
    }
    const failOn = values['fail-on'] ?? 'warning';
    if (failOn !== 'error' && failOn !== 'warning') {
        return `--fail-on takes error or warning, not '${failOn}'.`;
    }
    if (values.baseline && values['write-baseline']) {
        return '--baseline and --write-baseline cannot be used together: write the baseline once, then check against it.';
    }
    if (values.watch && values['write-baseline']) {
        return '--write-baseline writes once; it cannot be used with --watch.';
    }
    return {
        inputs: positionals,
        format: format as Format,
        extended: values.extended ?? false,
        minSeverity: minSeverity as Severity,
        failOn,
        ignoreCodes: (values['ignore-code'] ?? []).flatMap(list => list.split(',')).map(code => code.trim()).filter(Boolean),
        config: values.config,
        baseline: values.baseline,
        writeBaseline: values['write-baseline'],
        watch: values.watch ?? false
    };
}

export async function runCheck(args: string[]): Promise<number> {
    const options = parseCheckArgs(args);
    if (typeof options === 'string') {
        process.stderr.write(`${options}\n${CHECK_USAGE}\n`);
        return 2;
    }
    if (options.inputs.length === 0) {
        process.stderr.write(`${CHECK_USAGE}\n`);
        return 2;
    }
    const checker = new Checker(undefined, options.extended);
    if (!options.watch) {
        return checkOnce(checker, options);
    }
    return watchChecks(options, () => checkOnce(checker, options));
}

/** One check of the inputs with the options: prints the report and returns the exit status. */
export async function checkOnce(checker: Checker, options: CheckOptions, cwd = process.cwd()): Promise<number> {
    try {
        const project = await loadProjectConfig(options.config, cwd);
        // As the reference: a path that does not exist is reported and fails the run, the other paths are still checked.
        const missing = options.inputs.filter(input => !existsSync(path.resolve(cwd, input)));
        for (const input of missing) {
            process.stderr.write(`allium: ${input}: no such file or directory\n`);
        }
        const named = new Set(options.inputs.map(input => path.resolve(cwd, input)));
        // Files named on the command line are checked whatever the globs say; those found in folders as the project takes them.
        const files = (await resolveInputs(options.inputs.filter(input => !missing.includes(input)).map(input => path.resolve(cwd, input)), warnSkipped))
            .filter(file => named.has(file) || projectTakes(project, file));
        if (files.length === 0) {
            if (missing.length === 0) {
                process.stderr.write('No .allium files found for the given inputs.\n');
            }
            return missing.length > 0 ? 1 : 2;
        }
        const config = { ...project.config, ignore: [...project.config.ignore, ...options.ignoreCodes] };
        const minimum = SEVERITIES.indexOf(options.minSeverity);
        // As a path that does not exist: reported, the other files still checked, and the run fails (exit 2, as for
        // one such file named alone).
        const unreadable = reportUnreadable();
        const checked = await checker.check(files, cwd, unreadable.report);
        const reported = checked.flatMap(finding => {
            const severity = configuredSeverity(config, finding.code, finding.severity);
            return severity && SEVERITIES.indexOf(severity) <= minimum ? [{ ...finding, severity }] : [];
        });
        if (options.writeBaseline) {
            await Baseline.write(options.writeBaseline, reported, cwd);
            process.stderr.write(`allium: wrote ${reported.length} finding${reported.length === 1 ? '' : 's'} of ${files.length} file${files.length === 1 ? '' : 's'} to ${options.writeBaseline}.\n`);
            return 0;
        }
        const { fresh, known } = options.baseline ? (await Baseline.read(path.resolve(cwd, options.baseline))).filter(reported, cwd) : { fresh: reported, known: 0 };
        const listed = files.map(file => path.relative(cwd, file) || file).filter(file => !unreadable.files.includes(file));
        const report: CheckReport = { files: listed, findings: fresh, baselined: known };
        process.stdout.write(options.format === 'sarif' ? formatSarif(report, cwd, CLI_VERSION) : options.format === 'json' ? formatJson(report) : formatText(report));
        return unreadable.files.length > 0 ? 2 : failing(fresh, options.failOn) || missing.length > 0 ? 1 : 0;
    } catch (error) {
        if (error instanceof ConfigError || error instanceof BaselineError) {
            process.stderr.write(`allium: ${error.message}\n`);
            return 2;
        }
        throw error;
    }
}

function failing(findings: Finding[], failOn: 'error' | 'warning'): boolean {
    return findings.some(f => f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
}
