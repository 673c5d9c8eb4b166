import { AstUtils, type ValidationAcceptor } from 'langium';
import * as ast from '@allium/language';
import { IssueCodes, usePathTarget } from '@allium/language';
import { unreadableUseMessage, useTargetProblem } from '@allium/language/node';
import type { AlliumLspServices } from '../allium-server-module.js';

/**
 * In the editor, a `use` of something that exists but cannot be a spec (a directory, another kind of file, a device or
 * a pipe) is reported on its line, as `allium check` reports it. The language package reads no files, so the check
 * that looks at the file system lives with the server.
 */
export function registerUseTargetCheck(services: AlliumLspServices): void {
    services.validation.ValidationRegistry.register({
        UseDecl: (use: ast.UseDecl, accept: ValidationAcceptor) => {
            const target = usePathTarget(AstUtils.getDocument(use).uri, use.path);
            const problem = target?.scheme === 'file' ? useTargetProblem(target.fsPath) : undefined;
            if (problem) {
                accept('error', unreadableUseMessage(use.path, problem), { node: use, code: IssueCodes.UseUnreadable });
            }
        }
    });
}
