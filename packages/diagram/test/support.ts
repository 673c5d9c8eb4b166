import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import sax from 'sax';
import type { DiagramTarget } from '../src/index.js';

export const REPO = path.resolve(__dirname, '../../..');

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
