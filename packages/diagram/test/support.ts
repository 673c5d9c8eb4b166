import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import sax from 'sax';
import { createAlliumCoreServices, type AlliumServices } from '@allium/language';
import { loadSpecSet, SpecSet } from '@allium/generate';
import type { DiagramTarget } from '../src/index.js';

export const REPO = path.resolve(__dirname, '../../..');

/** A spec set of files on disk (and what they import), paths relative to the repository, as the CLI loads one. */
export async function onDisk(...files: string[]): Promise<{ services: AlliumServices; set: SpecSet }> {
    const { Allium } = createAlliumCoreServices(NodeFileSystem);
    return { services: Allium, set: await loadSpecSet(Allium, files.map(f => URI.file(path.resolve(REPO, f)))) };
}

/** A spec set of in-memory files `memory:///<name>`; `selected` are the files of the set, the others only imported. */
export async function inMemory(files: Record<string, string>, selected = Object.keys(files)): Promise<{ services: AlliumServices; set: SpecSet }> {
    const { Allium, shared } = createAlliumCoreServices(EmptyFileSystem);
    const documents = Object.entries(files).map(([name, text]) => {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    return { services: Allium, set: new SpecSet(Allium, documents.filter(d => selected.includes(d.uri.path.slice(1)))) };
}

/** The text a target's range covers, read from the file on disk. */
export function textAt(target: DiagramTarget | undefined): string {
    if (!target) {
        return '';
    }
    const lines = readFileSync(URI.parse(target.uri).fsPath, 'utf8').split('\n');
    const { start, end } = target.range;
    if (start.line === end.line) {
        return lines[start.line].slice(start.character, end.character);
    }
    return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

export interface SvgElement {
    name: string;
    attributes: Record<string, string>;
    text: string;
    parent?: SvgElement;
}

/** Parses an SVG with a strict XML parser (it throws on anything not well-formed) and lists its elements. */
export function parseSvg(svg: string): SvgElement[] {
    const parser = sax.parser(true);
    const elements: SvgElement[] = [];
    const open: SvgElement[] = [];
    parser.onopentag = (tag: { name: string; attributes: Record<string, string> }) => {
        const element = { name: tag.name, attributes: tag.attributes, text: '', parent: open[open.length - 1] };
        elements.push(element);
        open.push(element);
    };
    parser.ontext = (text: string) => open.forEach(e => { e.text += text; });
    parser.onclosetag = () => open.pop();
    parser.onerror = (error: Error) => { throw error; };
    parser.write(svg).close();
    return elements;
}
