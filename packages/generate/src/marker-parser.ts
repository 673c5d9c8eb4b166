import { languageOfPath } from './file-languages.js';
import { classifyPartialLine, closesFence, matchFence, matchFileLine, matchRegionLine, type Fence } from './marker-lines.js';

export { BEGIN_MARKER, END_MARKER, FILE_MARKER } from './marker-lines.js';

export interface GeneratedFile {
    path: string;
    /** VS Code language id from the file name (`typescript`, `kotlin`, ...; `plaintext` when unknown). */
    language: string;
    /** The code so far. Marker lines, fences and blank lines at either end of the file are not part of it. */
    text: string;
}

/**
 * Code linked to a spec clause. Positions are in the file's text, where the marker lines are removed, so a region
 * covers whole lines: `startLine` is its first line and `endLine` the line after its last one (zero-based), and
 * `startOffset`/`endOffset` are the same span as UTF-16 offsets. While the region is open, its end follows the
 * last complete line.
 */
export interface Region {
    clauseId: string;
    file: string;
    startLine: number;
    endLine: number;
    startOffset: number;
    endOffset: number;
    /** False while open, and when the file or stream ended before its end marker. */
    complete: boolean;
}

/** What changed with a chunk: a file started (or was resumed), text was appended to a file, a region opened or closed. */
export type PreviewEvent =
    | { type: 'file'; file: GeneratedFile }
    | { type: 'text'; file: GeneratedFile; text: string }
    | { type: 'region'; region: Region };

/**
 * Turns streamed model output into files and clause-linked regions as it arrives. Chunks may split anything,
 * markers included: a line is interpreted once complete, and the start of a line is shown before its end only
 * when it can no longer turn out to be a marker. Each chunk costs time proportional to its length (plus the
 * short start of a line held back as a possible marker), never to the output so far.
 */
export class ClauseLinkParser {
    readonly files: GeneratedFile[] = [];
    readonly regions: Region[] = [];
    private readonly open: Region[] = [];
    /** Regions begun since the last line of code: they start at the next one, after any blank lines. */
    private starting: Region[] = [];
    private readonly lineCounts = new Map<GeneratedFile, number>();
    private current: GeneratedFile | undefined;
    private lineCount = 0;
    /** Start of the current line, held back while it may be a marker. */
    private held = '';
    private heldCommitted = false;
    /** Part of the current line was shown already, so the line is code whatever follows. */
    private lineShown = false;
    /** Blank lines are kept back until code follows them in the same file. */
    private blankText = '';
    private blankLines = 0;
    /** No code yet since the start of the output or the last file line. */
    private atFileStart = true;
    private fence: Fence | undefined;
    private ended = false;

    constructor(private readonly defaultPath = 'generated.txt') {}

    feed(chunk: string): PreviewEvent[] {
        if (this.ended) {
            throw new Error('The stream has ended.');
        }
        const events: PreviewEvent[] = [];
        let start = 0;
        for (let newline = chunk.indexOf('\n'); newline >= 0; newline = chunk.indexOf('\n', start)) {
            this.finishLine(chunk.slice(start, newline), true, events);
            start = newline + 1;
        }
        if (start < chunk.length) {
            this.extendLine(chunk.slice(start), events);
        }
        return events;
    }

    /** Ends the stream: the last line is interpreted and regions still open are closed as incomplete. */
    end(): PreviewEvent[] {
        const events: PreviewEvent[] = [];
        if (this.ended) {
            return events;
        }
        if (this.held !== '' || this.lineShown) {
            this.finishLine('', false, events);
        }
        this.ended = true;
        this.closeOpenRegions(events);
        return events;
    }

    /** Regions linked to a clause id, across files, in the order they began. */
    regionsFor(clauseId: string): Region[] {
        return this.regions.filter(r => r.clauseId === clauseId);
    }

    private extendLine(text: string, events: PreviewEvent[]): void {
        if (this.lineShown) {
            this.append(text, events);
            return;
        }
        this.held += text;
        if (this.heldCommitted) {
            return;
        }
        const kind = classifyPartialLine(this.held, this.fence !== undefined || this.atFileStart);
        if (kind === 'committed') {
            this.heldCommitted = true;
        } else if (kind === 'text') {
            this.code(this.held, events);
            this.held = '';
            this.lineShown = true;
        }
    }

    private finishLine(rest: string, newline: boolean, events: PreviewEvent[]): void {
        const eol = newline ? '\n' : '';
        if (this.lineShown) {
            this.append(rest + eol, events);
        } else {
            const line = this.held + rest;
            if (this.interpret(line, events)) {
                this.resetLine();
                return;
            }
            if (line.trim() === '') {
                this.keepBlank(line + eol);
                this.resetLine();
                return;
            }
            this.code(line + eol, events);
        }
        this.resetLine();
        if (newline) {
            this.lineCount++;
        }
        this.extendOpenRegions(newline ? 0 : 1);
    }

    /** Acts on a complete marker, file or fence line; false for code. */
    private interpret(line: string, events: PreviewEvent[]): boolean {
        const path = matchFileLine(line);
        if (path !== undefined) {
            this.startFile(path, events);
            return true;
        }
        const marker = matchRegionLine(line);
        if (marker) {
            if (marker.kind === 'begin') {
                this.begin(marker.clauseId, events);
            } else {
                this.finish(marker.clauseId, events);
            }
            return true;
        }
        const fence = this.fence !== undefined || this.atFileStart ? matchFence(line) : undefined;
        if (fence && !this.fence) {
            this.fence = fence;
            return true;
        }
        if (fence && closesFence(this.fence!, fence)) {
            this.fence = undefined;
            return true;
        }
        return false;
    }

    private startFile(path: string, events: PreviewEvent[]): void {
        this.closeOpenRegions(events);
        if (this.current) {
            this.lineCounts.set(this.current, this.lineCount);
        }
        let file = this.files.find(f => f.path === path);
        if (!file) {
            file = { path, language: languageOfPath(path), text: '' };
            this.files.push(file);
        }
        this.current = file;
        this.lineCount = this.lineCounts.get(file) ?? 0;
        this.atFileStart = true;
        this.blankText = '';
        this.blankLines = 0;
        events.push({ type: 'file', file });
    }

    private begin(clauseId: string | undefined, events: PreviewEvent[]): void {
        if (!clauseId) {
            return;
        }
        const file = this.ensureFile(events);
        const offset = file.text.length;
        const region: Region = { clauseId, file: file.path, startLine: this.lineCount, endLine: this.lineCount, startOffset: offset, endOffset: offset, complete: false };
        this.regions.push(region);
        this.open.push(region);
        this.starting.push(region);
        events.push({ type: 'region', region });
    }

    /** Closes the innermost open region with the id, or the innermost one when the marker names none. */
    private finish(clauseId: string | undefined, events: PreviewEvent[]): void {
        let index = this.open.length - 1;
        if (clauseId !== undefined) {
            while (index >= 0 && this.open[index].clauseId !== clauseId) {
                index--;
            }
        }
        if (index >= 0) {
            const [region] = this.open.splice(index, 1);
            region.complete = true;
            events.push({ type: 'region', region });
        }
    }

    private closeOpenRegions(events: PreviewEvent[]): void {
        this.starting = [];
        for (const region of this.open.splice(0)) {
            events.push({ type: 'region', region });
        }
    }

    /** Moves the end of open regions to the last complete line, or past an unterminated last line. */
    private extendOpenRegions(unterminated: number): void {
        const length = this.current?.text.length ?? 0;
        for (const region of this.open) {
            region.endLine = this.lineCount + unterminated;
            region.endOffset = length;
        }
    }

    private keepBlank(text: string): void {
        if (!this.atFileStart) {
            this.blankText += text;
            this.blankLines++;
        }
    }

    private flushBlank(events: PreviewEvent[]): void {
        if (this.blankLines > 0) {
            this.append(this.blankText, events);
            this.lineCount += this.blankLines;
            this.blankText = '';
            this.blankLines = 0;
            this.extendOpenRegions(0);
        }
    }

    private code(text: string, events: PreviewEvent[]): void {
        const file = this.ensureFile(events);
        this.flushBlank(events);
        for (const region of this.starting.filter(r => !r.complete)) {
            region.startLine = region.endLine = this.lineCount;
            region.startOffset = region.endOffset = file.text.length;
        }
        this.starting = [];
        this.atFileStart = false;
        this.append(text, events);
    }

    private ensureFile(events: PreviewEvent[]): GeneratedFile {
        if (!this.current) {
            this.startFile(this.defaultPath, events);
        }
        return this.current!;
    }

    private append(text: string, events: PreviewEvent[]): void {
        if (text.length === 0) {
            return;
        }
        const file = this.ensureFile(events);
        file.text += text;
        events.push({ type: 'text', file, text });
    }

    private resetLine(): void {
        this.held = '';
        this.heldCommitted = false;
        this.lineShown = false;
    }
}
