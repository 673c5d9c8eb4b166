import type { PreviewRegion, PreviewState, ToWebview } from './preview-protocol.js';

/**
 * What the webview has been sent, so each update carries only what changed: the text appended to each file since,
 * the regions that opened or moved, and the small state fields. Work per update is proportional to what changed
 * and to the number of regions, never to the length of the output.
 */
export class PreviewDelta {
    private readonly sentLengths = new Map<string, number>();
    private sentRegions: string[] = [];

    /** The message bringing the webview from what it has to `state`; `reset` when a new run starts over. */
    next(state: PreviewState): Extract<ToWebview, { type: 'delta' }> {
        const files = state.files.map(file => {
            const sent = this.sentLengths.get(file.path) ?? 0;
            // A file whose text got shorter (a new run reusing the panel) is sent again whole.
            const from = file.text.length >= sent ? sent : 0;
            this.sentLengths.set(file.path, file.text.length);
            return { path: file.path, language: file.language, from, append: file.text.slice(from) };
        }).filter(f => f.append.length > 0 || f.from === 0);
        const regions: Array<{ index: number; region: PreviewRegion }> = [];
        state.regions.forEach((region, index) => {
            const key = `${region.clauseId}\u0000${region.file}\u0000${region.startLine}\u0000${region.endLine}\u0000${region.complete}`;
            if (this.sentRegions[index] !== key) {
                this.sentRegions[index] = key;
                regions.push({ index, region });
            }
        });
        this.sentRegions.length = state.regions.length;
        const { files: _files, regions: _regions, ...rest } = state;
        return { type: 'delta', ...rest, files, regions, regionCount: state.regions.length };
    }

    reset(): void {
        this.sentLengths.clear();
        this.sentRegions = [];
    }
}
