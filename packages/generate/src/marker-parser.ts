/** The lines the model is asked to write: file boundaries and clause regions in line comments. */
export const FILE_MARKER = '=== FILE:';
export const BEGIN_MARKER = '@allium-begin';
export const END_MARKER = '@allium-end';

const FILE_LINE = /^\s*=== FILE:\s*(.+?)\s*===\s*$/;
const REGION_LINE = /^\s*(?:\/\/|#)\s*@allium-(begin|end)\s+(\S+)\s*$/;
const FENCE_LINE = /^\s*```/;

export interface GeneratedFile {
    path: string;
    /** The code so far, marker lines removed. */
    text: string;
}

export interface Region {
    clauseId: string;
    file: string;
    /** Zero-based first line of the region in the file's text. */
    startLine: number;
    /** Zero-based line after the region; grows while the region is open. */
    endLine: number;
    /** False while open, or when the stream ended before its end marker. */
    complete: boolean;
}

export type PreviewEvent =
    | { type: 'file'; file: GeneratedFile }
    | { type: 'text'; file: GeneratedFile; text: string }
    | { type: 'region'; region: Region };

/**
 * Turns streamed model output into files and clause-linked regions as it arrives. Chunks may split anything,
 * markers included: a line is only interpreted once complete, and an incomplete line is shown early only when it
 * cannot turn out to be a marker. Work per chunk is proportional to the chunk.
 */
export class ClauseLinkParser {
    readonly files: GeneratedFile[] = [];
    readonly regions: Region[] = [];
    private readonly open: Region[] = [];
    private current: GeneratedFile | undefined;
    private lineCount = 0;
    private partial = '';
    private partialShown = 0;

    constructor(private readonly defaultPath = 'generated.txt') {}

    feed(chunk: string): PreviewEvent[] {
        const events: PreviewEvent[] = [];
        let start = 0;
        for (let newline = chunk.indexOf('\n'); newline >= 0; newline = chunk.indexOf('\n', start)) {
            this.partial += chunk.slice(start, newline);
            this.completeLine(events);
            start = newline + 1;
        }
        this.partial += chunk.slice(start);
        if (this.partial.length > this.partialShown && !couldBeMarker(this.partial)) {
            this.append(this.partial.slice(this.partialShown), events);
            this.partialShown = this.partial.length;
        }
        return events;
    }

    /** Ends the stream: the last line is interpreted and regions still open are closed as incomplete. */
    end(): PreviewEvent[] {
        const events: PreviewEvent[] = [];
        if (this.partial.length > 0) {
            this.completeLine(events, false);
        }
        for (const region of this.open.splice(0)) {
            region.complete = false;
            events.push({ type: 'region', region });
        }
        return events;
    }

    /** Regions linked to a clause id, across files. */
    regionsFor(clauseId: string): Region[] {
        return this.regions.filter(r => r.clauseId === clauseId);
    }

    private completeLine(events: PreviewEvent[], newline = true): void {
        const line = this.partial;
        const shown = this.partialShown;
        this.partial = '';
        this.partialShown = 0;
        if (shown === 0) {
            const file = FILE_LINE.exec(line);
            if (file) {
                this.startFile(file[1], events);
                return;
            }
            const region = REGION_LINE.exec(line);
            if (region) {
                this.marker(region[1] as 'begin' | 'end', region[2], events);
                return;
            }
            if (FENCE_LINE.test(line)) {
                return;
            }
        }
        this.append(line.slice(shown) + (newline ? '\n' : ''), events);
        if (newline) {
            this.lineCount++;
            for (const region of this.open) {
                region.endLine = this.lineCount;
            }
        }
    }

    private startFile(path: string, events: PreviewEvent[]): void {
        this.closeOpenRegions(events);
        this.current = this.files.find(f => f.path === path) ?? { path, text: '' };
        if (!this.files.includes(this.current)) {
            this.files.push(this.current);
        }
        this.lineCount = lineCountOf(this.current.text);
        events.push({ type: 'file', file: this.current });
    }

    private marker(kind: 'begin' | 'end', clauseId: string, events: PreviewEvent[]): void {
        const file = this.ensureFile(events);
        if (kind === 'begin') {
            const region: Region = { clauseId, file: file.path, startLine: this.lineCount, endLine: this.lineCount, complete: false };
            this.regions.push(region);
            this.open.push(region);
            events.push({ type: 'region', region });
            return;
        }
        const index = this.open.map(r => r.clauseId).lastIndexOf(clauseId);
        if (index >= 0) {
            const [region] = this.open.splice(index, 1);
            region.endLine = this.lineCount;
            region.complete = true;
            events.push({ type: 'region', region });
        }
    }

    private closeOpenRegions(events: PreviewEvent[]): void {
        for (const region of this.open.splice(0)) {
            events.push({ type: 'region', region });
        }
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
}

/** Whether an incomplete line may still become a file, region or fence line. */
function couldBeMarker(partial: string): boolean {
    const trimmed = partial.trimStart();
    if (trimmed === '') {
        return true;
    }
    return FILE_MARKER.startsWith(trimmed.slice(0, FILE_MARKER.length)) || trimmed.startsWith('//') || trimmed.startsWith('#')
        || trimmed === '/' || '```'.startsWith(trimmed.slice(0, 3));
}

function lineCountOf(text: string): number {
    let count = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
        count++;
    }
    return count;
}
