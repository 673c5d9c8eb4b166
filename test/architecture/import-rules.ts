import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';

/** One import of one source file. */
export interface SourceImport {
    file: string;
    specifier: string;
}

/** A broken rule: the file, what it imports, and the rule. */
export interface Violation {
    file: string;
    specifier: string;
    rule: string;
}

const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** The imports of a source text (static, re-exports and dynamic with a literal). */
export function importsOf(file: string, text: string): SourceImport[] {
    return [...text.matchAll(IMPORT)].map(m => ({ file, specifier: m[1] ?? m[2] ?? m[3] }));
}

const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (specifier: string) => specifier.startsWith('node:') || NODE_BUILTINS.has(specifier.split('/')[0]);

/** The package a file belongs to (`language`, `server`, ...) and its path inside the package's src. */
function place(file: string): { pkg: string; inSrc: string } | undefined {
    const m = /(?:^|\/)packages\/([^/]+)\/src\/(.*)$/.exec(file.split(path.sep).join('/'));
    return m ? { pkg: m[1], inSrc: m[2] } : undefined;
}

/** What each package may import of the others: data flows language -> generate (and diagram) -> server/cli -> client. */
const MAY_IMPORT: Record<string, string[]> = {
    language: [],
    generate: ['language'],
    diagram: ['language', 'generate'],
    server: ['language', 'generate', 'diagram'],
    cli: ['language', 'generate', 'diagram'],
    client: ['generate', 'diagram']
};

function importedPackage(specifier: string, from: string): string | undefined {
    const scoped = /^@allium\/([^/]+)/.exec(specifier);
    if (scoped) {
        return scoped[1];
    }
    if (specifier.startsWith('.')) {
        return place(path.posix.join(path.posix.dirname(from.split(path.sep).join('/')), specifier))?.pkg;
    }
    return undefined;
}

/**
 * The layout rules of docs/architecture.md:
 * - the language core imports neither `vscode` nor Node's modules (`src/node/` is its Node entry, `@allium/language/node`);
 * - packages import only the packages before them (`MAY_IMPORT`); the client nothing of the language package;
 * - a validator does not import another validator, and scoping and typing do not import validation.
 */
export function violations(imports: SourceImport[]): Violation[] {
    const found: Violation[] = [];
    for (const { file, specifier } of imports) {
        const at = place(file);
        if (!at) {
            continue;
        }
        const report = (rule: string) => found.push({ file, specifier, rule });
        if (at.pkg === 'language' && !at.inSrc.startsWith('node/')) {
            if (specifier === 'vscode' || specifier.startsWith('vscode/')) {
                report('the language core does not import vscode');
            }
            if (isNodeBuiltin(specifier) || specifier === 'langium/node' || specifier.endsWith('/node/index.js') || /(^|\/)node\/[^/]+\.js$/.test(specifier)) {
                report("the language core does not import Node's modules (only src/node/ does)");
            }
        }
        const other = importedPackage(specifier, file);
        if (other && other !== at.pkg && !MAY_IMPORT[at.pkg]?.includes(other)) {
            report(`${at.pkg} does not import ${other}`);
        }
        if (at.pkg === 'language') {
            const isValidator = /^validation\/[^/]+-validator\.ts$/.test(at.inSrc);
            if (isValidator && /^\.\/[^/]+-validator\.js$/.test(specifier)) {
                report('a validator does not import another validator');
            }
            if (/^(scoping|typing|ast)\//.test(at.inSrc) && /(^|\/)validation\//.test(specifier)) {
                report(`${at.inSrc.split('/')[0]} does not import validation`);
            }
        }
    }
    return found;
}

/** Every TypeScript source of the packages' src folders (generated code included: it must obey the rules too). */
export function packageSources(root: string): SourceImport[] {
    const files: string[] = [];
    const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.name.endsWith('.ts')) {
                files.push(full);
            }
        }
    };
    for (const pkg of readdirSync(path.join(root, 'packages'))) {
        walk(path.join(root, 'packages', pkg, 'src'));
    }
    return files.flatMap(file => importsOf(path.relative(root, file), readFileSync(file, 'utf8')));
}
