import type { PreviewRegion, PreviewState, ToWebview } from './preview-protocol.js';

/**
 * What the webview has been sent, so each update carries only what changed: the text appended to each file since,
 * the regions that opened or moved, and the small state fields. Work per update is proportional to what changed
 * and to the number of regions, never to the length of the output.
 */
export class PreviewDelta {
    private readonly sentLengths = new Map<string, number>();
    private sentRegions: PreviewRegion[] = [];

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
            const sent = this.sentRegions[index];
            if (!sent || sent.endLine !== region.endLine || sent.startLine !== region.startLine || sent.complete !== region.complete
                || sent.clauseId !== region.clauseId || sent.file !== region.file) {
                this.sentRegions[index] = { ...region };
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
