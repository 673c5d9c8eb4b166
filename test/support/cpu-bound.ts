import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/*
 * Time bounds that hold on a loaded machine. Wall time on the shared 2-core machine runs ten times its idle value at a
 * load of 15 to 25, so a wall-clock bound either fails there or is too loose to catch anything. What a busy machine
 * barely changes is the CPU time a process uses for a piece of work, and whether it uses any: work that loops forever
 * keeps using CPU, work blocked forever (a read of a FIFO) uses none. So the bounds here watch the process doing the
 * work: a CPU budget catches a hang or a super-linear regression, a stall (no CPU used for a while with the answer still
 * due) catches a blocked process, and neither depends on how many other processes share the cores.
 */

/** Linux's USER_HZ: /proc counts CPU time in ticks of 10 ms on every architecture Node runs on. */
const TICK_MS = 10;
/** A process that is working gets a tick within a second even at load 25 on two cores; 20 s without one is blocked. */
export const STALL_MS = 20_000;

/** CPU time (user + system) process `pid` has used so far, in ms; undefined once it has ended. */
export function cpuTimeMs(pid: number | undefined): number | undefined {
    if (pid === undefined) {
        return undefined;
    }
    try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // The command name in parentheses may hold spaces; the fields after it are fixed: utime and stime are 14 and 15.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    } catch {
        return undefined;
    }
}

export interface CpuLimits {
    /** Most CPU time, in ms, the process may use for the work. */
    cpuMs: number;
    /** Longest the process may use no CPU at all while the work is due; {@link STALL_MS} unless said. */
    stallMs?: number;
    /** What is being done, for the failure message. */
    what: string;
}

/** The result of `work` and the CPU time process `pid` used until it settled. */
export interface Bounded<T> {
    value: T;
    cpuMs: number;
}

/**
 * Awaits `work` (something process `pid` is doing) and fails as soon as the process has used more CPU than
 * `limits.cpuMs` on it, or has used none for `limits.stallMs`. A process that ends meanwhile fails it too.
 */
export function withinCpu<T>(pid: number | undefined, work: Promise<T>, limits: CpuLimits): Promise<Bounded<T>> {
    const stallMs = limits.stallMs ?? STALL_MS;
    const start = cpuTimeMs(pid);
    if (start === undefined) {
        return Promise.reject(new Error(`${limits.what}: process ${pid} is not running`));
    }
    return new Promise((resolve, reject) => {
        let last = start;
        let lastChange = Date.now();
        const finish = (settle: () => void) => {
            clearInterval(timer);
            settle();
        };
        const timer = setInterval(() => {
            const now = cpuTimeMs(pid);
            if (now === undefined) {
                finish(() => reject(new Error(`${limits.what}: process ${pid} ended`)));
            } else if (now - start > limits.cpuMs) {
                finish(() => reject(new Error(`${limits.what}: used more than ${limits.cpuMs} ms of CPU (a hang or super-linear work)`)));
            } else if (now !== last) {
                last = now;
                lastChange = Date.now();
            } else if (Date.now() - lastChange > stallMs) {
                finish(() => reject(new Error(`${limits.what}: no CPU used for ${stallMs / 1000} s and still not done (blocked)`)));
            }
        }, 100);
        work.then(
            value => finish(() => resolve({ value, cpuMs: (cpuTimeMs(pid) ?? last) - start })),
            error => finish(() => reject(error))
        );
    });
}

/**
 * Resolves once process `pid` has used no CPU for `quietMs`: the work it was given, queued or running, is done.
 * Fails if it is still busy after `limits.cpuMs` of CPU.
 */
export async function idle(pid: number | undefined, limits: { cpuMs: number; what: string }, quietMs = 1500): Promise<void> {
    const start = cpuTimeMs(pid) ?? 0;
    let last = start;
    let since = Date.now();
    for (;;) {
        await new Promise(resolve => setTimeout(resolve, 100));
        const now = cpuTimeMs(pid);
        if (now === undefined) {
            throw new Error(`${limits.what}: process ${pid} ended`);
        }
        if (now - start > limits.cpuMs) {
            throw new Error(`${limits.what}: still busy after ${limits.cpuMs} ms of CPU (a hang or super-linear work)`);
        }
        if (now !== last) {
            last = now;
            since = Date.now();
        } else if (Date.now() - since >= quietMs) {
            return;
        }
    }
}

/** CPU time the current process used during `work`, in ms: for work done in the test process itself. */
export async function ownCpu<T>(work: () => Promise<T> | T): Promise<Bounded<T>> {
    const before = process.cpuUsage();
    const value = await work();
    const used = process.cpuUsage(before);
    return { value, cpuMs: (used.user + used.system) / 1000 };
}

export interface RunResult {
    status: number | null;
    stdout: string;
    stderr: string;
    /** Killed by the watchdog: over its CPU budget, or blocked. */
    timedOut: boolean;
    cpuMs: number;
}

/**
 * Runs a command to its end under the same watchdog as {@link withinCpu}: killed, and `timedOut`, when it uses more
 * than `cpuMs` of CPU or none for `stallMs` (a walk that loops, a read that blocks).
 */
export function runBounded(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; cpuMs: number; stallMs?: number; input?: string }): Promise<RunResult> {
    return new Promise(resolve => {
        const child = spawn(command, args, { cwd: options.cwd, env: options.env });
        let stdout = '';
        let stderr = '';
        let cpuMs = 0;
        let timedOut = false;
        child.stdout.on('data', d => stdout += d);
        child.stderr.on('data', d => stderr += d);
        child.stdin.end(options.input ?? '');
        const exited = new Promise<void>(done => child.on('exit', () => done()));
        withinCpu(child.pid, exited, { cpuMs: options.cpuMs, stallMs: options.stallMs, what: `${command} ${args.join(' ')}` })
            .then(bounded => cpuMs = bounded.cpuMs, () => {
                timedOut = child.exitCode === null;
                child.kill('SIGKILL');
            });
        child.on('close', status => resolve({ status, stdout, stderr, timedOut, cpuMs }));
    });
}
