import { AssumptionCollector, type Assumption } from './assumptions.js';
import { languageOfPath } from './file-languages.js';
import { classifyPartialLine, closesFence, matchFence, matchFileLine, matchRegionLine, type Fence } from './marker-lines.js';

export { BEGIN_MARKER, END_MARKER, FILE_MARKER } from './marker-lines.js';
export type { Assumption } from './assumptions.js';

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

/**
 * What changed with a chunk: a file started (or was resumed), text was appended to a file, a region opened or
 * closed, a line of notes arrived, an assumption was stated (its text may still grow by continuation lines).
 */
export type PreviewEvent =
    | { type: 'file'; file: GeneratedFile }
    | { type: 'text'; file: GeneratedFile; text: string }
    | { type: 'region'; region: Region }
    | { type: 'note'; text: string }
    | { type: 'assumption'; assumption: Assumption };

/**
 * Turns streamed model output into files and clause-linked regions as it arrives. Chunks may split anything,
 * markers included: a line is interpreted once complete, and the start of a line is shown before its end only
 * when it can no longer turn out to be a marker. Each chunk costs time proportional to its length (plus the
 * short start of a line held back as a possible marker), never to the output so far.
 *
 * Text outside file blocks never becomes a file: before the first `=== FILE:` line, and after a Markdown fence that
 * wrapped a file closes, it is kept as `notes` (explanations, assumptions). Assumptions stated in comments or notes
 * are also collected on their own (assumptions.ts). docs/generation-protocol.md describes the whole protocol.
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
    /** A fence that wraps file blocks (opened at a file's start, or just before a file line). */
    private fence: Fence | undefined;
    /** A fence opened in the notes, held with the blank lines after it until the next line shows what it wraps. */
    private pendingFence: { fence: Fence; text: string } | undefined;
    /** A code block inside the notes: its lines are notes, fences included. */
    private noteFence: Fence | undefined;
    /** All of the current line so far, held or shown. */
    private lineText = '';
    private noteText = '';
    private readonly collector = new AssumptionCollector();
    private ended = false;

    /** Text of the answer outside file blocks, blank lines at either end removed. */
    get notes(): string {
        return this.noteText.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
    }

    /** Assumptions stated in comments of the files and in the notes, in order. */
    get assumptions(): readonly Assumption[] {
        return this.collector.assumptions;
    }

    /** The file the output is inside: none before the first file line and after a fenced file block closed. */
    get openFile(): GeneratedFile | undefined {
        return this.current;
    }

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
        if (this.pendingFence) {
            this.addNote(this.pendingFence.text, events);
            this.pendingFence = undefined;
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
        this.lineText += text;
        if (this.lineShown) {
            this.append(text, events);
            return;
        }
        this.held += text;
        // Notes are taken line by line; only code is shown before its line is complete.
        if (this.heldCommitted || !this.current) {
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
            if (!this.current) {
                this.note(line, events);
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
        const assumption = this.collector.codeLine(this.lineText + rest, this.current!.path, this.lineCount);
        if (assumption) {
            events.push({ type: 'assumption', assumption });
        }
        this.resetLine();
        if (newline) {
            this.lineCount++;
        }
        this.extendOpenRegions(newline ? 0 : 1);
    }

    /** Acts on a complete marker, file or fence line; false for code and notes. */
    private interpret(line: string, events: PreviewEvent[]): boolean {
        const path = matchFileLine(line);
        if (path !== undefined) {
            if (this.pendingFence) {
                this.fence = this.pendingFence.fence;
                this.pendingFence = undefined;
            }
            this.startFile(path, events);
            return true;
        }
        const marker = matchRegionLine(line);
        if (marker && !this.current) {
            // A region outside any file links nothing; the marker line is still protocol, not prose.
            return true;
        }
        if (!this.current) {
            return false;
        }
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
            this.endFileBlock(events);
            return true;
        }
        return false;
    }

    /** A complete line outside file blocks. */
    private note(line: string, events: PreviewEvent[]): void {
        if (this.pendingFence) {
            if (line.trim() === '') {
                this.pendingFence.text += line + '\n';
                return;
            }
            // Not a file line after the fence: it opens a code block of the notes.
            this.noteFence = this.pendingFence.fence;
            this.addNote(this.pendingFence.text, events);
            this.pendingFence = undefined;
        }
        const fence = matchFence(line);
        if (this.noteFence) {
            if (fence && closesFence(this.noteFence, fence)) {
                this.noteFence = undefined;
            }
        } else if (fence) {
            this.pendingFence = { fence, text: line + '\n' };
            return;
        }
        this.addNote(line + '\n', events);
        const assumption = this.collector.noteLine(line);
        if (assumption) {
            events.push({ type: 'assumption', assumption });
        }
    }

    /** Adds to the notes; blank lines are not kept at their start nor several in a row (files may stand between). */
    private addNote(text: string, events: PreviewEvent[]): void {
        if (text.trim() === '' && (this.noteText === '' || this.noteText.endsWith('\n\n'))) {
            return;
        }
        this.noteText += text;
        events.push({ type: 'note', text });
    }

    /** The fence wrapping a file closed: what follows, up to the next file line, is notes. */
    private endFileBlock(events: PreviewEvent[]): void {
        this.closeOpenRegions(events);
        this.lineCounts.set(this.current!, this.lineCount);
        this.current = undefined;
        this.blankText = '';
        this.blankLines = 0;
        this.collector.endSection();
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
        this.noteFence = undefined;
        this.collector.endSection();
        this.blankText = '';
        this.blankLines = 0;
        events.push({ type: 'file', file });
    }

    private begin(clauseId: string | undefined, events: PreviewEvent[]): void {
        if (!clauseId) {
            return;
        }
        const file = this.current!;
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
        const file = this.current!;
        this.flushBlank(events);
        for (const region of this.starting.filter(r => !r.complete)) {
            region.startLine = region.endLine = this.lineCount;
            region.startOffset = region.endOffset = file.text.length;
        }
        this.starting = [];
        this.atFileStart = false;
        this.append(text, events);
    }

    private append(text: string, events: PreviewEvent[]): void {
        if (text.length === 0) {
            return;
        }
        const file = this.current!;
        file.text += text;
        events.push({ type: 'text', file, text });
    }

    private resetLine(): void {
        this.lineText = '';
        this.held = '';
        this.heldCommitted = false;
        this.lineShown = false;
    }
}
