// Runs inside the diagram webview: shows the server's SVG, pans and zooms it (kept across redraws), and reports clicks.
import type { DiagramKind } from '@allium/generate/streaming';
import type { FromDiagramWebview, ToDiagramWebview } from './diagram-messages.js';

interface View {
    x: number;
    y: number;
    scale: number;
}

declare function acquireVsCodeApi(): { postMessage(message: FromDiagramWebview): void; getState(): { views?: Partial<Record<DiagramKind, View>> } | undefined; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const viewport = document.getElementById('viewport')!;
const canvas = document.getElementById('canvas')!;
const summary = document.getElementById('summary')!;
const errorElement = document.getElementById('error')!;
const MIN_SCALE = 0.1;
const MAX_SCALE = 6;

// One view per kind: switching between states and flow and back finds each where it was left.
const views: Partial<Record<DiagramKind, View>> = vscode.getState()?.views ?? {};
let kind: DiagramKind | undefined;
let view: View = { x: 0, y: 0, scale: 1 };

function apply(): void {
    canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
    if (kind) {
        views[kind] = { ...view };
        vscode.setState({ views });
    }
}

function zoomAt(factor: number, clientX: number, clientY: number): void {
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale * factor));
    const box = viewport.getBoundingClientRect();
    const px = clientX - box.left;
    const py = clientY - box.top;
    // The point under the pointer stays where it is.
    view = { scale, x: px - (px - view.x) * (scale / view.scale), y: py - (py - view.y) * (scale / view.scale) };
    apply();
}

/** Fits the whole diagram in view, or (`readable`) shrinks it no further than half size, to be panned. */
function fit(readable = false): void {
    const svg = canvas.querySelector('svg');
    if (!svg) {
        return;
    }
    const width = Number(svg.getAttribute('width')) || 1;
    const height = Number(svg.getAttribute('height')) || 1;
    const box = viewport.getBoundingClientRect();
    const scale = Math.min(readable ? 1 : 1.5, Math.max(readable ? 0.5 : MIN_SCALE, Math.min(box.width / width, box.height / height)));
    view = { scale, x: Math.max(0, (box.width - width * scale) / 2), y: 0 };
    apply();
}

window.addEventListener('message', (event: MessageEvent<ToDiagramWebview>) => {
    const message = event.data;
    if (message.type === 'error') {
        errorElement.textContent = message.message;
        return;
    }
    errorElement.textContent = '';
    const first = kind !== message.kind;
    kind = message.kind;
    // The server escaped every name it put in the SVG; it holds no script and the CSP would refuse one.
    canvas.innerHTML = message.svg;
    summary.textContent = message.summary;
    document.querySelectorAll<HTMLButtonElement>('[data-kind]').forEach(button => {
        button.classList.toggle('selected', button.dataset.kind === kind);
        button.setAttribute('aria-pressed', String(button.dataset.kind === kind));
    });
    if (first) {
        const kept = views[kind];
        if (kept) {
            view = { ...kept };
            apply();
        } else {
            fit(true);
        }
    }
});

let drag: { x: number; y: number; moved: boolean } | undefined;
viewport.addEventListener('pointerdown', event => {
    if (event.button === 0) {
        drag = { x: event.clientX, y: event.clientY, moved: false };
    }
});
viewport.addEventListener('pointermove', event => {
    if (!drag) {
        return;
    }
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (drag.moved || Math.abs(dx) + Math.abs(dy) > 4) {
        if (!drag.moved) {
            viewport.setPointerCapture(event.pointerId);
        }
        drag.moved = true;
        view = { ...view, x: view.x + dx, y: view.y + dy };
        drag.x = event.clientX;
        drag.y = event.clientY;
        apply();
    }
});
viewport.addEventListener('pointerup', event => {
    const wasDrag = drag?.moved;
    drag = undefined;
    if (viewport.hasPointerCapture(event.pointerId)) {
        viewport.releasePointerCapture(event.pointerId);
    }
    if (wasDrag) {
        return;
    }
    // The innermost part that declares something: a rule's name on an edge before the edge, a node before its group.
    const element = (event.target as Element).closest('[data-target]');
    if (element) {
        vscode.postMessage({ type: 'open', target: Number(element.getAttribute('data-target')) });
    }
});
viewport.addEventListener('wheel', event => {
    event.preventDefault();
    zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX, event.clientY);
}, { passive: false });

document.getElementById('zoom-in')!.onclick = () => {
    const box = viewport.getBoundingClientRect();
    zoomAt(1.25, box.left + box.width / 2, box.top + box.height / 2);
};
document.getElementById('zoom-out')!.onclick = () => {
    const box = viewport.getBoundingClientRect();
    zoomAt(0.8, box.left + box.width / 2, box.top + box.height / 2);
};
document.getElementById('zoom-fit')!.onclick = () => fit();
document.getElementById('export')!.onclick = () => vscode.postMessage({ type: 'export' });
document.querySelectorAll<HTMLButtonElement>('[data-kind]').forEach(button => {
    button.onclick = () => vscode.postMessage({ type: 'kind', kind: button.dataset.kind as DiagramKind });
});
vscode.postMessage({ type: 'ready' });
