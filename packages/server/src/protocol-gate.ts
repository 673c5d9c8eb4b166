import { ErrorCodes, ResponseError, type Connection, type ConnectionOptions, type Message, type RequestMessage } from 'vscode-languageserver';

/**
 * The method a refused request is handed to, so that the connection answers it with the error, under its own id.
 * Internal: a client sending it directly only gets an error back.
 */
const REFUSED = '$/allium/refused';

interface Refusal {
    code: number;
    message: string;
}

function isRequest(message: Message): message is RequestMessage {
    const candidate = message as Partial<RequestMessage>;
    return typeof candidate.method === 'string' && candidate.id !== undefined && candidate.id !== null;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What is wrong with the params of a `textDocument/*` request, if anything: each names its document, and a position,
 * where it gives one, is two numbers. A handler reading them would otherwise throw and the client get an internal
 * error (-32603) for what is its own mistake (-32602).
 */
function paramsProblem(request: RequestMessage): string | undefined {
    if (!request.method.startsWith('textDocument/')) {
        return undefined;
    }
    const params = request.params;
    if (!isObject(params) || !isObject(params.textDocument) || typeof params.textDocument.uri !== 'string') {
        return `${request.method} takes params with textDocument.uri, a string.`;
    }
    if ('position' in params && !(isObject(params.position) && Number.isInteger(params.position.line) && Number.isInteger(params.position.character))) {
        return `${request.method}: position takes line and character, two integers.`;
    }
    return undefined;
}

/** The error `request` is answered with instead of being dispatched, if any. */
function refusalOf(request: RequestMessage, shutDown: boolean): Refusal | undefined {
    if (shutDown) {
        return { code: ErrorCodes.InvalidRequest, message: `The server is shut down: ${request.method} is not answered after shutdown.` };
    }
    const problem = paramsProblem(request);
    return problem ? { code: ErrorCodes.InvalidParams, message: problem } : undefined;
}

/**
 * Checks each request before it is dispatched, as the protocol asks: after `shutdown` every request is refused
 * (InvalidRequest) until `exit`, and a `textDocument/*` request without a document or with a malformed position gets
 * InvalidParams. Its `messageStrategy` goes to `createConnection`; `register` then adds the handler of the refusals.
 */
export function protocolGate(): Pick<ConnectionOptions, 'messageStrategy'> & { register(connection: Connection): void } {
    let shutDown = false;
    return {
        messageStrategy: {
            handleMessage(message, next) {
                if (!isRequest(message) || message.method === REFUSED) {
                    return next(message);
                }
                const refusal = refusalOf(message, shutDown);
                shutDown ||= message.method === 'shutdown';
                return next(refusal ? { ...message, method: REFUSED, params: refusal } as RequestMessage : message);
            }
        },
        register(connection) {
            connection.onRequest(REFUSED, (refusal: Refusal | undefined) => {
                throw new ResponseError(refusal?.code ?? ErrorCodes.InvalidRequest, refusal?.message ?? `${REFUSED} is internal to the server.`);
            });
        }
    };
}
