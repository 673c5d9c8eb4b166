import { IssueCodes } from '../diagnostics/catalogue.js';
import type { ValidationAcceptor } from 'langium';
import type * as ast from '../generated/ast.js';

/** An open question is a decision the spec leaves to someone: until it is answered the spec is incomplete. */
export function checkOpenQuestion(question: ast.OpenQuestion, accept: ValidationAcceptor): void {
    accept('warning', `Open question "${question.text ?? ''}" is unresolved, so the spec is incomplete. Decide it, write the decision into the spec and remove the question.`,
        { node: question, code: IssueCodes.OpenQuestionPresent });
}
