// Runs inside the preview webview: renders streamed files with highlighting, links regions to spec clauses.
import hljs from 'highlight.js/lib/core';
import go from 'highlight.js/lib/languages/go';
import java from 'highlight.js/lib/languages/java';
import kotlin from 'highlight.js/lib/languages/kotlin';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import typescript from 'highlight.js/lib/languages/typescript';
import type { FromWebview, ToWebview, PreviewRegion, PreviewState } from '../generation/preview-protocol.js';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

for (const [name, language] of Object.entries({ go, java, kotlin, python, rust, typescript })) {
    hljs.registerLanguage(name, language);
}

const vscode = acquireVsCodeApi();
const filesElement = document.getElementById('files')!;
const statusElement = document.getElementById('status')!;
const summaryElement = document.getElementById('summary')!;
const actionsElement = document.getElementById('actions')!;
const notesElement = document.getElementById('notes')!;
const cancelButton = document.getElementById('cancel') as HTMLButtonElement;
cancelButton.onclick = () => vscode.postMessage({ type: 'cancel' });

const style = document.createElement('style');
style.textContent = `
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); }
pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); margin: 0; }
.line { white-space: pre; padding-left: 4px; border-left: 3px solid transparent; }
.line.linked { border-left-color: var(--vscode-editorGutter-modifiedBackground, #1b81a8); cursor: pointer; }
.line.active { background: var(--vscode-editor-selectionHighlightBackground, rgba(173,214,255,.3)); }
h3 { font-size: 1em; margin: 1em 0 .3em; }
#status.incomplete { color: var(--vscode-errorForeground); }
.hljs-keyword, .hljs-built_in { color: var(--vscode-symbolIcon-keywordForeground, #569cd6); }
.hljs-string { color: var(--vscode-debugTokenExpression-string, #ce9178); }
.hljs-comment { color: var(--vscode-descriptionForeground, #6a9955); font-style: italic; }
.hljs-number, .hljs-literal { color: var(--vscode-debugTokenExpression-number, #b5cea8); }
.hljs-title, .hljs-type { color: var(--vscode-symbolIcon-classForeground, #4ec9b0); }`;
document.head.appendChild(style);

const regions: PreviewRegion[] = [];
let activeClauses = new Set<string>();

/** A file as shown: its text so far, and how many of its lines are complete (and rendered for good). */
interface ShownFile {
    path: string;
    language: string;
    text: string;
    completeLines: number;
    /** Where the first incomplete line starts in `text`. */
    partialStart: number;
    pre: HTMLElement;
}

/** The state besides files and regions, as each update carries it. */
type StateFields = Omit<PreviewState, 'files' | 'regions'>;
const shown = new Map<string, ShownFile>();

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

function highlight(line: string, language: string): string {
    // highlight.js escapes the code it is given; plain text is escaped here.
    return hljs.getLanguage(language) ? hljs.highlight(line, { language, ignoreIllegals: true }).value : escapeHtml(line);
}

function fileFor(path: string, language: string): ShownFile {
    let file = shown.get(path);
    if (!file) {
        const section = document.createElement('section');
        section.innerHTML = '<h3></h3><pre></pre>';
        section.querySelector('h3')!.textContent = path;
        filesElement.appendChild(section);
        file = { path, language, text: '', completeLines: 0, partialStart: 0, pre: section.querySelector('pre')! };
        shown.set(path, file);
    }
    return file;
}

/**
 * Appends streamed text: complete lines stay as rendered; the last, partial line and the new ones are rendered.
 * Work is proportional to the appended text. Returns the first line that changed.
 */
function appendTo(file: ShownFile, from: number, text: string): number {
    if (from === 0 && file.text !== '') {
        file.text = '';
        file.completeLines = 0;
        file.partialStart = 0;
        file.pre.replaceChildren();
    }
    const first = file.completeLines;
    file.text += text;
    const lines = file.text.slice(file.partialStart).split('\n');
    while (file.pre.children.length > first) {
        file.pre.lastElementChild!.remove();
    }
    lines.forEach((line, i) => {
        const div = document.createElement('div');
        div.className = 'line';
        div.dataset.line = String(first + i);
        div.innerHTML = highlight(line, file.language) || ' ';
        file.pre.appendChild(div);
    });
    file.completeLines = first + lines.length - 1;
    file.partialStart = file.text.lastIndexOf('\n') + 1;
    return first;
}

function regionsAt(file: string, line: number): PreviewRegion[] {
    return regions.filter(r => r.file === file && line >= r.startLine && line < Math.max(r.endLine, r.startLine + 1))
        .sort((a, b) => (a.endLine - a.startLine) - (b.endLine - b.startLine));
}

/** Links and highlights the lines `from` to `to` of a file (all of them without bounds). */
function decorate(file: ShownFile, from = 0, to = Number.MAX_SAFE_INTEGER): void {
    const rows = file.pre.children;
    for (let line = Math.max(0, from); line < Math.min(to, rows.length); line++) {
        const div = rows[line] as HTMLElement;
        const here = regionsAt(file.path, line);
        div.classList.toggle('linked', here.length > 0);
        div.classList.toggle('active', here.some(r => activeClauses.has(r.clauseId)));
        div.title = here.length ? `Implements ${here[0].clauseId} (click to show in the spec)` : '';
        div.tabIndex = here.length && here[0].startLine === line ? 0 : -1;
        div.setAttribute('aria-label', here.length ? `Code of ${here[0].clauseId}` : '');
        div.onclick = here.length ? () => vscode.postMessage({ type: 'reveal', clauseId: here[0].clauseId }) : null;
        div.onkeydown = here.length ? event => { if (event.key === 'Enter') { vscode.postMessage({ type: 'reveal', clauseId: here[0].clauseId }); } } : null;
    }
}

/** Buttons for what can be done next: apply, and after a failure its way forward. */
function renderActions(state: StateFields): void {
    actionsElement.replaceChildren(...(state.done ? state.actions : []).map(action => {
        const button = document.createElement('button');
        button.textContent = action.label;
        button.onclick = () => vscode.postMessage({ type: 'action', action: action.id });
        return button;
    }));
}

/** The model's notes and assumptions, apart from the code: they are never written to a file. */
function renderNotes(state: StateFields): void {
    const parts: HTMLElement[] = [];
    if (state.assumptions?.length) {
        const heading = document.createElement('h3');
        heading.textContent = 'Assumptions about open questions (review them)';
        const list = document.createElement('ul');
        list.replaceChildren(...state.assumptions.map(text => Object.assign(document.createElement('li'), { textContent: text })));
        parts.push(heading, list);
    }
    if (state.notes) {
        const heading = document.createElement('h3');
        heading.textContent = 'Notes from the model (not written to any file)';
        parts.push(heading, Object.assign(document.createElement('pre'), { textContent: state.notes, className: 'notes' }));
    }
    notesElement.replaceChildren(...parts);
}

/** The coverage summary, and the files applied, each a link that opens it. */
function renderSummary(state: StateFields): void {
    const links = (state.applied ?? []).map(file => {
        const link = Object.assign(document.createElement('a'), { textContent: file.path, href: '#', tabIndex: 0 });
        link.onclick = event => { event.preventDefault(); vscode.postMessage({ type: 'open', uri: file.uri }); };
        return link;
    });
    summaryElement.replaceChildren(document.createTextNode(state.summary ?? ''), ...links.flatMap(l => [document.createTextNode(' '), l]));
}

window.addEventListener('message', event => {
    const message = event.data as ToWebview;
    if (message.type === 'delta') {
        if (message.files.length === 0 && message.regionCount === 0 && !message.done && message.status === '') {
            shown.clear();
            filesElement.replaceChildren();
        }
        const changed = new Map<string, number>();
        for (const delta of message.files) {
            const file = fileFor(delta.path, delta.language);
            changed.set(delta.path, Math.min(changed.get(delta.path) ?? Infinity, appendTo(file, delta.from, delta.append)));
        }
        for (const { index, region } of message.regions) {
            const before = regions[index];
            regions[index] = region;
            for (const r of before ? [before, region] : [region]) {
                changed.set(r.file, Math.min(changed.get(r.file) ?? Infinity, r.startLine));
            }
        }
        regions.length = message.regionCount;
        for (const [path, from] of changed) {
            const file = shown.get(path);
            if (file) {
                decorate(file, from);
            }
        }
        statusElement.textContent = message.incomplete ? `${message.status} ${message.incomplete}` : message.status;
        statusElement.className = message.incomplete ? 'incomplete' : '';
        renderSummary(message);
        renderNotes(message);
        renderActions(message);
        cancelButton.disabled = message.done;
    } else if (message.type === 'highlight') {
        const was = activeClauses;
        activeClauses = new Set(message.clauseIds);
        // Only the lines of regions that gain or lose the highlight change.
        for (const region of regions.filter(r => was.has(r.clauseId) !== activeClauses.has(r.clauseId))) {
            const file = shown.get(region.file);
            if (file) {
                decorate(file, region.startLine, Math.max(region.endLine, region.startLine + 1));
            }
        }
        document.querySelector('.line.active')?.scrollIntoView({ block: 'nearest' });
    }
});
