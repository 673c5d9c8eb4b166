import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { minimatch } from 'minimatch';
import schema from './allium-config.schema.json' with { type: 'json' };

/** The project settings file the CLI and the language server read; its schema is `allium-config.schema.json`. */
export const CONFIG_FILE_NAME = 'allium.config.json';

export type FindingSeverity = 'error' | 'warning' | 'info';
export type ConfiguredSeverity = FindingSeverity | 'off';

/** `allium generate` flags a project sets once, by their flag names without the dashes, camel-cased. */
export interface GenerateDefaults {
    lang?: string;
    model?: string;
    out?: string;
    maxTokens?: number;
    maxRounds?: number;
    idleTimeout?: number;
}

export interface AlliumConfig {
    severity: Record<string, ConfiguredSeverity>;
    ignore: string[];
    /** Globs relative to the config file's folder, with `/` separators. */
    include: string[];
    exclude: string[];
    generate: GenerateDefaults;
}

/** What applies where there is no config file. */
export const DEFAULT_CONFIG: AlliumConfig = Object.freeze({ severity: {}, ignore: [], include: ['**/*.allium'], exclude: [], generate: {} });

/** A config file that is not JSON or does not follow the schema; the message names the file and the setting. */
export class ConfigError extends Error {}

/** Compiled on first use: most runs of the server and the CLI never meet a config file. */
let validator: ValidateFunction | undefined;

/** Reads a config file's text, `source` naming it in errors; throws {@link ConfigError} when it is not valid. */
export function parseAlliumConfig(text: string, source: string): AlliumConfig {
    let value: unknown;
    try {
        value = JSON.parse(text);
    } catch (error) {
        throw new ConfigError(`${source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const validate = validator ??= new Ajv({ allErrors: true }).compile(schema);
    if (!validate(value)) {
        throw new ConfigError(`${source} does not follow the allium.config.json schema:\n${(validate.errors ?? []).filter(e => e.propertyName === undefined).map(e => `  ${describe(e)}`).join('\n')}`);
    }
    const given = value as Partial<AlliumConfig>;
    return { ...DEFAULT_CONFIG, ...given, generate: { ...given.generate } };
}

function describe(error: ErrorObject): string {
    const at = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the top level';
    if (error.keyword === 'additionalProperties') {
        return `${at}: unknown setting '${(error.params as { additionalProperty: string }).additionalProperty}'`;
    }
    if (error.keyword === 'propertyNames') {
        return `${at}: '${(error.params as { propertyName: string }).propertyName}' is not a diagnostic code (allium.<area>.<check>)`;
    }
    if (error.keyword === 'enum') {
        return `${at}: ${error.message} (${(error.params as { allowedValues: unknown[] }).allowedValues.map(v => JSON.stringify(v)).join(', ')})`;
    }
    return `${at}: ${error.message}`;
}

/**
 * The severity a finding of `code` is reported with under the config, or undefined when the config turns it off
 * (an `ignore` entry or severity "off").
 */
export function configuredSeverity(config: AlliumConfig, code: string | null | undefined, severity: FindingSeverity): FindingSeverity | undefined {
    if (!code) {
        return severity;
    }
    if (config.ignore.includes(code)) {
        return undefined;
    }
    const set = config.severity[code];
    return set === 'off' ? undefined : set ?? severity;
}

/** Whether a spec, by its path relative to the config file's folder (with `/` separators), is one the project checks. */
export function isSpecIncluded(config: AlliumConfig, relativePath: string): boolean {
    const matches = (glob: string) => minimatch(relativePath, glob, { dot: true });
    return config.include.some(matches) && !config.exclude.some(matches);
}
