import { catalogueAnchor, catalogueEntry, DIAGNOSTICS_DOC_URL } from '@allium/language';

/** What a diagnostic code is about, for SARIF rule metadata: the catalogue's entry, as the editor's hover shows it. */
export interface CodeHelp {
    title: string;
    /** The catalogue's explanation, with a bad and a good spec. */
    help: string;
    /** The code's entry in docs/diagnostics.md. */
    helpUri: string;
}


export function codeHelp(code: string, example?: string): CodeHelp {
    const helpUri = `${DIAGNOSTICS_DOC_URL}#${catalogueAnchor(code)}`;
    const entry = catalogueEntry(code);
    if (!entry) {
        // Codes the catalogue lacks cannot be reported (a test holds validators to it); this keeps SARIF valid regardless.
        return { title: code, help: example ? `Reported as, for example: "${example}"` : code, helpUri };
    }
    const help = [entry.explanation, ...(example ? [`Reported as, for example: "${example}"`] : []), `Reports:\n${entry.bad}`, `Fixed:\n${entry.good}`,
        `Suppress one finding with \`-- allium-ignore ${code}\` on its line, or set its severity in allium.config.json.`].join('\n\n');
    return { title: entry.title, help, helpUri };
}
