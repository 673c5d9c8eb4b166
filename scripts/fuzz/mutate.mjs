// Small edits of real specs, the kind a person typing makes: each yields a spec that is mostly valid,
// so both checkers get past the edit and their recovery and later findings can be compared.

const TOKEN = /"(?:\\.|[^"\\])*"|[A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?|->|=>|!=|<=|>=|\?\.|\?\?|\S/g;
const INSERTABLE = [':', ',', '(', ')', '{', '}', '=', '.', '->', '?', 'when', 'and', 'let', 'x', '"s"', '|', '<', '@'];

export const MUTATIONS = {
    deleteLine(rng, lines) {
        const i = contentLine(rng, lines);
        lines.splice(i, 1);
    },
    duplicateLine(rng, lines) {
        const i = contentLine(rng, lines);
        lines.splice(i, 0, lines[i]);
    },
    swapLines(rng, lines) {
        const i = contentLine(rng, lines);
        const j = Math.min(lines.length - 1, i + 1 + rng.int(0, 2));
        [lines[i], lines[j]] = [lines[j], lines[i]];
    },
    dropToken(rng, lines) {
        editToken(rng, lines, () => '');
    },
    addToken(rng, lines) {
        editToken(rng, lines, token => rng.chance(0.5) ? `${token} ${rng.pick(INSERTABLE)}` : `${rng.pick(INSERTABLE)} ${token}`);
    },
    reindentBlock(rng, lines) {
        const i = contentLine(rng, lines);
        const indent = indentOf(lines[i]);
        let end = i + 1;
        while (end < lines.length && (lines[end].trim() === '' || indentOf(lines[end]) > indent)) {
            end++;
        }
        const shift = rng.pick([-4, -2, 2, 4]);
        for (let k = i; k < end; k++) {
            lines[k] = shift > 0 ? ' '.repeat(shift) + lines[k] : lines[k].replace(new RegExp(`^ {0,${-shift}}`), '');
        }
    },
    breakString(rng, lines) {
        const candidates = lines.map((l, i) => (l.includes('"') ? i : -1)).filter(i => i > 0);
        if (candidates.length === 0) {
            return MUTATIONS.dropToken(rng, lines);
        }
        const i = rng.pick(candidates);
        const at = lines[i].indexOf('"', rng.chance(0.5) ? lines[i].indexOf('"') + 1 : 0);
        const cut = at + 1 + rng.int(0, 4);
        lines[i] = rng.pick([
            // an unterminated string, a string continued on the next line, an extra quote
            () => lines[i].slice(0, cut),
            () => `${lines[i].slice(0, cut)}\\\n${indentOf(lines[i]) === 0 ? '' : '    '}${lines[i].slice(cut)}`,
            () => `${lines[i].slice(0, cut)}"${lines[i].slice(cut)}`
        ])();
    }
};

/** Applies one to three random mutations to `text`. */
export function mutateSpec(rng, text) {
    const lines = text.replace(/\n$/, '').split('\n');
    const applied = [];
    for (let n = rng.int(1, 3); n > 0 && lines.length > 2; n--) {
        const name = rng.pick(Object.keys(MUTATIONS));
        MUTATIONS[name](rng, lines);
        applied.push(name);
    }
    return { text: lines.join('\n') + '\n', applied };
}

/** A line with something on it, never the version marker, so most mutants keep their language version. */
function contentLine(rng, lines) {
    const candidates = lines.map((l, i) => (i > 0 && l.trim() !== '' ? i : -1)).filter(i => i > 0);
    return candidates.length > 0 ? rng.pick(candidates) : Math.min(1, lines.length - 1);
}

function editToken(rng, lines, replace) {
    const i = contentLine(rng, lines);
    const tokens = [...lines[i].matchAll(TOKEN)].filter(m => !lines[i].slice(0, m.index).includes('--'));
    if (tokens.length === 0) {
        return;
    }
    const t = rng.pick(tokens);
    lines[i] = lines[i].slice(0, t.index) + replace(t[0]) + lines[i].slice(t.index + t[0].length);
}

function indentOf(line) {
    return line.length - line.trimStart().length;
}
