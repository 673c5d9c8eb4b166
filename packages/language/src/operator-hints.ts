/**
 * Operators people bring from other languages (`==`, `&&`, `||`, `!x`), and what Allium writes instead. The parser
 * or lexer stops at them with a generic message; this names the Allium spelling.
 */
export function operatorHint(text: string, offset: number): string | undefined {
    const at = text[offset];
    const doubled = text[offset - 1] === at || text[offset + 1] === at;
    if (at === '=' && doubled) {
        return "Allium tests equality with a single '=': write 'a = b'.";
    }
    if (at === '&') {
        return "Allium joins conditions with the word 'and': write 'a and b'.";
    }
    if (at === '|' && doubled) {
        return "'||' is not an Allium operator: join conditions with the word 'or' (a or b), and separate enum values with a single '|'.";
    }
    if (at === '!' && text[offset + 1] !== '=') {
        return "Allium negates with the word 'not': write 'not a'.";
    }
    return undefined;
}
