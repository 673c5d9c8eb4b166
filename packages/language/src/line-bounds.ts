/** Where the line holding `offset` starts: after the last line break before it. */
export function startOfLine(text: string, offset: number): number {
    let i = offset;
    while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') {
        i--;
    }
    return i;
}

/** Where the line holding `offset` ends: at its line break, or the end of the text. */
export function endOfLine(text: string, offset: number): number {
    let i = offset;
    while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
        i++;
    }
    return i;
}

/**
 * The lines of a text as editors number them (`TextDocument`'s positions): a line ends at `\r\n`, `\n` or a lone `\r`,
 * as the lexer reads them too.
 */
export function documentLines(text: string): string[] {
    return text.split(/\r\n|\r|\n/);
}
