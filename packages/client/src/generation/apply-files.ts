import * as vscode from 'vscode';
import {
    parseTraceRecord, promptIdResolver, recordGeneration, serialiseTraceRecord, textWithMarkers, TRACE_FILE,
    type GenerationPrompt, type GenerationResult
} from '@allium/generate/streaming';

export interface ApplyOutcome {
    /** Files whose content is now the generated one. */
    applied: vscode.Uri[];
    refused: Array<{ path: string; reason: string }>;
    /** False when the user cancelled the refactor preview. */
    confirmed: boolean;
}

const INCOMPLETE_SUFFIX = '.incomplete';
const encoder = new TextEncoder();

/**
 * "Apply": one workspace edit with every generated file (markers kept, so links outlive the preview) and the trace
 * record, shown in VS Code's refactor preview, where the user sees each file's diff and picks what to apply. Nothing
 * lands outside `root` or in a dot-directory; the file an answer was cut off in is named `<path>.incomplete`.
 */
export async function applyGenerated(prompt: GenerationPrompt, result: GenerationResult, root: vscode.Uri): Promise<ApplyOutcome> {
    const refused: ApplyOutcome['refused'] = [];
    const edit = new vscode.WorkspaceEdit();
    const resolve = promptIdResolver(prompt);
    const planned: Array<{ uri: vscode.Uri; text: string; path: string }> = [];
    for (const file of result.files) {
        const problem = pathProblem(file.path);
        if (problem) {
            refused.push({ path: file.path, reason: problem });
            continue;
        }
        const cut = result.incomplete && result.cutFile === file.path;
        const name = cut ? file.path + INCOMPLETE_SUFFIX : file.path;
        planned.push({ uri: vscode.Uri.joinPath(root, ...name.split('/')), text: textWithMarkers(file, result.regions, resolve), path: file.path });
        await put(edit, planned[planned.length - 1].uri, planned[planned.length - 1].text, cut ? `${name} (cut off: the answer was incomplete)` : name);
    }
    const complete = new Set(planned.filter(p => !p.uri.path.endsWith(INCOMPLETE_SUFFIX)).map(p => p.path));
    const regions = result.regions.filter(r => complete.has(r.file));
    const traceUri = vscode.Uri.joinPath(root, ...TRACE_FILE.split('/'));
    const previous = await readRecord(traceUri);
    if (regions.length > 0 && previous !== 'unreadable') {
        const record = recordGeneration(previous, prompt, { model: result.model, generatedAt: new Date().toISOString(), regions });
        await put(edit, traceUri, serialiseTraceRecord(record), `${TRACE_FILE} (what the spec said, for drift checks)`);
    }
    if (planned.length === 0) {
        return { applied: [], refused, confirmed: false };
    }
    const confirmed = await vscode.workspace.applyEdit(edit);
    const applied: vscode.Uri[] = [];
    for (const { uri, text } of planned) {
        const now = await vscode.workspace.fs.readFile(uri).then(b => new TextDecoder().decode(b), () => undefined);
        if (now === text || (await openText(uri)) === text) {
            applied.push(uri);
        }
    }
    return { applied, refused, confirmed };
}

/** Why a generated path is not written: it leaves the output folder, or enters a dot-directory. */
function pathProblem(path: string): string | undefined {
    const segments = path.split(/[\\/]/);
    if (path.includes('\0') || path.startsWith('/') || /^[A-Za-z]:/.test(path)) {
        return 'it is not a relative path';
    }
    if (segments.some(s => s === '..')) {
        return 'it would be written outside the output folder';
    }
    const dot = segments.slice(0, -1).find(s => s.startsWith('.') && s !== '.');
    return dot ? `it is inside the dot-directory ${dot}` : undefined;
}

/** A new file is created with its text; an existing one is replaced whole, which the preview shows as a diff. */
async function put(edit: vscode.WorkspaceEdit, uri: vscode.Uri, text: string, label: string): Promise<void> {
    const metadata = { needsConfirmation: true, label: 'Allium: generated code', description: label };
    const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
    if (exists) {
        const document = await vscode.workspace.openTextDocument(uri);
        edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text, metadata);
    } else {
        edit.createFile(uri, { contents: encoder.encode(text) }, metadata);
    }
}

async function readRecord(uri: vscode.Uri) {
    const bytes = await vscode.workspace.fs.readFile(uri).then(b => b, () => undefined);
    if (!bytes) {
        return undefined;
    }
    const parsed = parseTraceRecord(new TextDecoder().decode(bytes));
    return 'error' in parsed ? 'unreadable' as const : parsed;
}

async function openText(uri: vscode.Uri): Promise<string | undefined> {
    return vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString())?.getText();
}
