import { ValidationRegistry, type ValidationCheck } from 'langium';

/**
 * Langium's registry wraps every check in two async functions, so each call of a check allocates and awaits
 * promises even though almost every Allium check is synchronous; on a large spec the node checks run thousands of
 * times. Here a synchronous check is called directly and its exceptions reported as Langium reports them; a check
 * that returns a promise is handled by Langium's own `handleException`.
 */
export class AlliumValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result instanceof Promise ? this.handleException(() => result, VALIDATION_ERROR, accept, node) : undefined;
            } catch (error) {
                return this.handleException(() => { throw error; }, VALIDATION_ERROR, accept, node);
            }
        };
    }
}

const VALIDATION_ERROR = 'An error occurred during validation';
