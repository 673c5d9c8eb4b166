import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { TextDocument, URI } from 'langium';
import { formattingEdits } from '@allium/language';
import { readSpecFile } from '@allium/language/node';
import { coreServices } from './core-services.js';
import { resolveInputs, warnSkipped } from './input-files.js';

export const FORMAT_USAGE = `Usage: allium format [--check | --write] <file-or-directory>...

Lays out specs as the editor's formatter does (indentation by block depth, no trailing whitespace, one blank line
at most, one final newline); the syntax tree never changes.
  (no option)  print the formatted text of one file to stdout
  --check      list the files that are not formatted; exit 1 if there are any
  --write      rewrite the files that are not formatted, and list them
Exit status: 0 done (or all formatted), 1 files to format (--check), 2 no input, bad arguments or a file that
cannot be read as UTF-8 text (left as it is).`;

type Mode = 'print' | 'check' | 'write';

export async function runFormat(args: string[]): Promise<number> {
    const options = args.filter(a => a.startsWith('-'));
    const unknown = options.filter(o => o !== '--check' && o !== '--write');
    if (unknown.length > 0 || options.length > 1) {
        process.stderr.write(`${unknown.length > 0 ? `Unknown option ${unknown.join(', ')}.` : 'Give --check or --write, not both.'}\n${FORMAT_USAGE}\n`);
        return 2;
    }
    const mode: Mode = options[0] === '--check' ? 'check' : options[0] === '--write' ? 'write' : 'print';
    const inputs = args.filter(a => !a.startsWith('-'));
    const files = await resolveInputs(inputs, warnSkipped);
    if (files.length === 0 || (mode === 'print' && files.length > 1)) {
        process.stderr.write(files.length === 0 && inputs.length > 0 ? 'No .allium files found for the given inputs.\n'
            : files.length > 1 ? 'Without --check or --write, give one file.\n' + FORMAT_USAGE + '\n' : FORMAT_USAGE + '\n');
        return 2;
    }
    const services = coreServices();
    const unformatted: string[] = [];
    let unreadable = 0;
    for (const file of files) {
        let text: string;
        try {
            text = await readSpecFile(file);
        } catch (error) {
            process.stderr.write(`allium: ${(error as Error).message} It is left as it is.\n`);
            unreadable++;
            continue;
        }
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(file));
        const formatted = TextDocument.applyEdits(document.textDocument, formattingEdits(services, document));
        if (mode === 'print') {
            process.stdout.write(formatted);
        } else if (formatted !== text) {
            unformatted.push(path.relative(process.cwd(), file) || file);
            if (mode === 'write') {
                await fs.writeFile(file, formatted);
            }
        }
    }
    if (mode !== 'print') {
        process.stdout.write(unformatted.map(f => `${f}\n`).join(''));
        process.stderr.write(`${files.length} file${files.length === 1 ? '' : 's'} ${mode === 'write' ? `checked, ${unformatted.length} rewritten` : `checked, ${unformatted.length} not formatted`}.\n`);
    }
    return unreadable > 0 ? 2 : mode === 'check' && unformatted.length > 0 ? 1 : 0;
}
