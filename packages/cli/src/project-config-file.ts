import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME, ConfigError, DEFAULT_CONFIG, isSpecIncluded, parseAlliumConfig, type AlliumConfig } from '@allium/language';

/** A project's settings and the folder its globs and paths are relative to. */
export interface ProjectConfig {
    config: AlliumConfig;
    dir: string;
    /** The file read, if there was one. */
    file?: string;
}

/** The `allium.config.json` of `start` or of the nearest folder above it, as tools like tsc and prettier find theirs. */
export function findConfigFile(start: string): string | undefined {
    for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, CONFIG_FILE_NAME);
        if (existsSync(candidate)) {
            return candidate;
        }
        if (path.dirname(dir) === dir) {
            return undefined;
        }
    }
}

/** The named config file, else the one found from `cwd`, else the defaults; throws {@link ConfigError} for a bad file. */
export async function loadProjectConfig(explicit: string | undefined, cwd = process.cwd()): Promise<ProjectConfig> {
    const file = explicit ? path.resolve(cwd, explicit) : findConfigFile(cwd);
    if (!file) {
        return { config: DEFAULT_CONFIG, dir: cwd };
    }
    const text = await fs.readFile(file, 'utf8').catch((error: Error) => {
        throw new ConfigError(`cannot read ${path.relative(cwd, file) || file}: ${error.message}`);
    });
    return { config: parseAlliumConfig(text, path.relative(cwd, file) || file), dir: path.dirname(file), file };
}

/** Whether the project takes this spec (an absolute path): under its folder, by the include and exclude globs. */
export function projectTakes(project: ProjectConfig, file: string): boolean {
    const relative = path.relative(project.dir, file);
    // Specs outside the config's folder are not its business.
    return relative.startsWith('..') || path.isAbsolute(relative) || isSpecIncluded(project.config, relative.split(path.sep).join('/'));
}

/** The config's `generate` defaults as `allium generate` flags, to go before the flags given (which win). */
export function generateDefaultFlags(project: ProjectConfig, cwd = process.cwd()): string[] {
    const { lang, model, out, maxTokens, maxRounds, idleTimeout } = project.config.generate;
    const flags: Array<[string, string | number | undefined]> = [
        ['--lang', lang], ['--model', model], ['--out', out === undefined ? undefined : path.relative(cwd, path.resolve(project.dir, out)) || '.'],
        ['--max-tokens', maxTokens], ['--max-rounds', maxRounds], ['--idle-timeout', idleTimeout]
    ];
    return flags.flatMap(([flag, value]) => (value === undefined ? [] : [flag, String(value)]));
}
