/** Messages between the extension and the preview webview; model text travels as data and is escaped there. */
export interface PreviewFile {
    path: string;
    text: string;
    language: string;
}

export interface PreviewRegion {
    clauseId: string;
    file: string;
    startLine: number;
    endLine: number;
    complete: boolean;
}

export type PreviewAction = 'apply' | 'retry' | 'set-key' | 'settings';

export interface PreviewState {
    status: string;
    done: boolean;
    incomplete?: string;
    summary?: string;
    files: PreviewFile[];
    regions: PreviewRegion[];
    /** What the model said outside files: never a file. */
    notes?: string;
    /** The assumptions it stated about open questions. */
    assumptions?: string[];
    /** Buttons: apply, and after a failure the way forward. */
    actions: Array<{ id: PreviewAction; label: string }>;
    /** Files applied to the workspace, to open from the summary. */
    applied?: Array<{ uri: string; path: string }>;
}

/** An update: each file's text from offset `from` on (0: the whole file), the regions that changed, the rest of the state. */
export type ToWebview =
    | ({ type: 'delta' } & Omit<PreviewState, 'files' | 'regions'> & {
        files: Array<{ path: string; language: string; from: number; append: string }>;
        regions: Array<{ index: number; region: PreviewRegion }>;
        regionCount: number;
    })
    | { type: 'highlight'; clauseIds: string[] };

export type FromWebview =
    | { type: 'reveal'; clauseId: string }
    | { type: 'action'; action: PreviewAction }
    | { type: 'open'; uri: string }
    | { type: 'cancel' };
