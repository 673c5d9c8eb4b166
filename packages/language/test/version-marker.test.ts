import { describe, expect, it } from 'vitest';
import { parseAllium } from '../src/index.js';

async function versionFindings(text: string): Promise<string[]> {
    const { diagnostics } = await parseAllium(text);
    return diagnostics.filter(d => d.code === 'allium.version.missing' || /version/.test(d.message))
        .map(d => `${d.severity === 1 ? 'error' : 'warning'} ${d.range.start.line + 1}:${d.range.start.character + 1}`);
}

describe('version marker', () => {
    it('accepts versions 1 to 3, with or without spaces, after blank lines or indentation', async () => {
        for (const marker of ['-- allium: 1', '-- allium: 2', '-- allium: 3', '--allium:3', '\n  -- allium: 03']) {
            expect(await versionFindings(`${marker}\nentity A {}\n`)).toEqual([]);
        }
    });

    it('reads the marker after a byte order mark, and warns after the mark without one', async () => {
        expect(await versionFindings('\uFEFF-- allium: 3\nentity A {}\n')).toEqual([]);
        expect(await versionFindings('\uFEFFentity A {}\n')).toEqual(['warning 1:2']);
    });

    it('warns where the code starts when the first comment is not a marker', async () => {
        expect(await versionFindings('entity A {}\n')).toEqual(['warning 1:1']);
        expect(await versionFindings('\n-- notes\n\n   entity A {}\n')).toEqual(['warning 4:4']);
        expect(await versionFindings('-- notes\n-- allium: 3\nentity A {}\n')).toEqual(['warning 3:1']);
        expect(await versionFindings('-- allium: 3 beta\nentity A {}\n')).toEqual(['warning 2:1']);
    });

    it('warns at the end of a file with no code', async () => {
        expect(await versionFindings('')).toEqual(['warning 1:1']);
        expect(await versionFindings('-- only a comment\n')).toEqual(['warning 2:1']);
    });

    it('rejects a version the checker does not know', async () => {
        expect(await versionFindings('-- allium: 4\n\n  entity A {}\n')).toEqual(['error 3:3']);
        expect(await versionFindings('-- allium: 0\n')).toEqual(['error 2:1']);
    });
});
