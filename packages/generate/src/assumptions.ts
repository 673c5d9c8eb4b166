/**
 * Assumptions the model states about what the spec leaves open (its open questions), pulled out of the answer so
 * they can be reviewed as a list. The conventions (docs/generation-protocol.md), in code comments of any target
 * language and in the notes outside files alike:
 *
 *     // ASSUMPTION: a cancelled order keeps its reservation      one line, any comment leader; case ignored
 *     # Assumptions (open questions):                             a heading line...
 *     # - refunds are issued manually                             ...then list items (-, *, +, 1.) under it;
 *     #   by the support team                                     an indented line continues the item
 *
 * In notes the comment leader is absent and a Markdown heading (`## Assumptions`, `**Assumptions:**`) works as well.
 * The lines stay where they are (in the code or the notes); this only collects them.
 */
export interface Assumption {
    text: string;
    /** The generated file whose comment states it; absent when it is stated in the notes. */
    file?: string;
    /** Zero-based line in that file's text. */
    line?: number;
}

const CODE_COMMENT = /^\s*(?:\/\/[/!]?|#+|--|\/\*+|\*(?!\/))(.*?)(?:\*+\/\s*)?$/;
const NOTE_LEADER = /^\s*(?:#+|>)?(.*)$/;
const SINGLE = /^\s*(?:(?:[-*+\u2022]|\d+[.)])\s+)?[*_]*assumption[*_]*\s*:[*_]*\s*(\S.*)$/i;
const HEADING = /^\s*[#*_]*\s*assumptions?\b[^:]{0,60}:?[*_\s]*$/i;
const ITEM = /^\s*(?:[-*+\u2022]|\d+[.)])\s+(\S.*)$/;
const CONTINUATION = /^\s{2,}(\S.*)$/;

export class AssumptionCollector {
    readonly assumptions: Assumption[] = [];
    /** Inside a list under an Assumptions heading; `last` is the item a continuation line extends. */
    private inSection = false;
    private last: Assumption | undefined;
    private afterBlank = false;

    /** A complete line of a generated file; only comment lines can state assumptions. */
    codeLine(line: string, file: string, index: number): Assumption | undefined {
        const comment = CODE_COMMENT.exec(line);
        if (!comment) {
            this.endSection();
            return undefined;
        }
        return this.textLine(comment[1], { file, line: index });
    }

    /** A complete line of the notes. */
    noteLine(line: string): Assumption | undefined {
        return this.textLine(NOTE_LEADER.exec(line)![1], {});
    }

    /** Lines that follow are in another place (another file, the notes): a section does not go on there. */
    endSection(): void {
        this.inSection = false;
        this.last = undefined;
        this.afterBlank = false;
    }

    private textLine(text: string, where: { file?: string; line?: number }): Assumption | undefined {
        const single = SINGLE.exec(text);
        if (single) {
            this.endSection();
            return this.add(single[1], where);
        }
        if (HEADING.test(text)) {
            this.endSection();
            this.inSection = true;
            return undefined;
        }
        if (!this.inSection) {
            return undefined;
        }
        if (text.trim() === '') {
            this.afterBlank = true;
            return undefined;
        }
        const item = ITEM.exec(text);
        if (item) {
            this.afterBlank = false;
            this.last = this.add(item[1], where);
            return this.last;
        }
        const continuation = CONTINUATION.exec(text);
        if (continuation && this.last && !this.afterBlank) {
            this.last.text += ` ${continuation[1].trim()}`;
            return undefined;
        }
        this.endSection();
        return undefined;
    }

    private add(text: string, where: { file?: string; line?: number }): Assumption {
        const assumption: Assumption = { text: text.trim(), ...where };
        this.assumptions.push(assumption);
        return assumption;
    }
}
