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

export type ToWebview =
    | { type: 'state'; files: PreviewFile[]; regions: PreviewRegion[]; status: string; done: boolean; incomplete?: string; summary?: string }
    | { type: 'highlight'; clauseIds: string[] };

export type FromWebview =
    | { type: 'reveal'; clauseId: string }
    | { type: 'save' }
    | { type: 'cancel' };
