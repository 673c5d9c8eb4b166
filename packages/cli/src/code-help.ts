import { EXTENDED_CODES } from '@allium/language';

/** What a diagnostic code is about, for SARIF rule metadata. */
export interface CodeHelp {
    /** A short title: `allium.status.noExit` -> "Status: no exit". */
    title: string;
    /** What the check is and where it comes from; `example` is one message the code was reported with. */
    help: string;
}

export const REFERENCE_DOCS = 'https://github.com/juxt/allium/blob/main/skills/allium/references/language-reference.md';

/**
 * Title and help text of a code, from what is known today: the code's own name and a message it was reported with.
 * The single place SARIF output asks, so a catalogue of codes can answer here later.
 */
export function codeHelp(code: string, example?: string): CodeHelp {
    const [, area = code, check = ''] = code.split('.');
    const words = spaced(check);
    const title = `${sentenceCase(spaced(area))}${words ? `: ${words}` : ''}`;
    const origin = code === 'allium.syntax' ? 'The spec does not parse here.'
        : EXTENDED_CODES.has(code) ? "One of the checks of JUXT's editor extension beyond the reference `allium check`."
            : 'A check of the reference `allium check`.';
    const help = [origin, example ? `Reported as, for example: "${example}"` : undefined,
        `Suppress one finding with \`-- allium-ignore ${code}\` on its line, or set its severity in allium.config.json. Language reference: ${REFERENCE_DOCS}`]
        .filter(Boolean).join(' ');
    return { title, help };
}

function spaced(word: string): string {
    return word.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function sentenceCase(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
