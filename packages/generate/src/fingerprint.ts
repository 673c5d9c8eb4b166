/**
 * A short hash of a clause's text as it means, not as it is laid out: comments dropped, white space collapsed.
 * Re-indenting, re-wrapping or commenting a clause keeps its fingerprint; changing a token changes it. Moving a
 * clause keeps it too, which is how a later check tells an edit of the spec from a reorder.
 */
export function fingerprint(text: string): string {
    return hash52(normalise(text)).toString(16).padStart(13, '0');
}

/** The clause text without `--` comments (outside strings) and with every run of white space made one space. */
export function normalise(text: string): string {
    let out = '';
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (inString) {
            out += char;
            if (char === '\\' && i + 1 < text.length) {
                out += text[++i];
            } else if (char === '"') {
                inString = false;
            }
        } else if (char === '"') {
            inString = true;
            out += char;
        } else if (char === '-' && text[i + 1] === '-') {
            while (i < text.length && text[i] !== '\n') {
                i++;
            }
            out += ' ';
        } else {
            out += char;
        }
    }
    return out.replace(/\s+/g, ' ').trim();
}

/**
 * Two 32-bit FNV-1a lanes with different seeds, mixed at the end into 52 bits: portable (the server, CLI and
 * webview compute the same), allocation-free and linear; a collision between two edits of one clause is negligible.
 */
function hash52(text: string): number {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x9e3779b9;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        a = Math.imul(a ^ code, 0x01000193);
        b = Math.imul(b ^ code, 0x5bd1e995);
    }
    a = Math.imul(a ^ (a >>> 15), 0x2c1b3c6d) ^ Math.imul(b ^ (b >>> 13), 0x297a2d39);
    b = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
    return (b >>> 0) % 0x100000 * 0x100000000 + (a >>> 0);
}
