/**
 * One step of the build run as a child process (Astro, Pagefind), and how its
 * end reads: a step succeeded only when it exited with status 0. A step
 * killed by a signal failed, whatever it printed, and the reason is said in
 * words, because "exit status 1" alone has left people guessing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

export interface PhaseEnd {
  /** The exit status, or `null` when a signal ended the process. */
  code: number | null;
  /** The signal that ended the process, if one did. */
  signal: NodeJS.Signals | null;
  /** The last few kilobytes it wrote to stderr, to tell an out-of-memory death from others. */
  stderrTail: string;
  /** Why it could not be started at all (a missing program), if so. */
  startError?: Error | undefined;
}

const STDERR_TAIL_CHARS = 8_192;

/**
 * `NODE_OPTIONS` for the build's steps: Node's heap raised to half the
 * machine's memory (`totalBytes`), never lowered below Node's own limit
 * (`defaultBytes`), unless the options already set it. Node's own limit,
 * about 4 GiB whatever the machine, was near full in Astro at 50,000
 * articles, and a full heap ends the build.
 */
export function withHeapLimit(nodeOptions: string | undefined, totalBytes: number, defaultBytes: number): string {
  const options = nodeOptions?.trim() ?? '';
  if (/--max-old-space-size\b/.test(options)) return options;
  const heap = `--max-old-space-size=${Math.floor(Math.max(totalBytes / 2, defaultBytes) / 2 ** 20)}`;
  return options ? `${options} ${heap}` : heap;
}

/** What V8 prints, just before Node aborts, when the JavaScript heap is full. */
const HEAP_EXHAUSTED = /JavaScript heap out of memory|Reached heap limit/;

/**
 * Runs `command` with `args`, its stdout shown as it comes and its stderr
 * shown and kept (the tail), and resolves when it has ended, however it
 * ended. `onStart` receives the child, so a signal the build receives can be
 * passed on to it.
 */
export function runPhase(
  command: string,
  args: readonly string[],
  onStart: (child: ChildProcess) => void = () => undefined,
): Promise<PhaseEnd> {
  return new Promise((resolvePhase) => {
    const child = spawn(command, args, { stdio: ['inherit', 'inherit', 'pipe'] });
    let stderrTail = '';
    child.stderr.on('data', (chunk: Buffer) => {
      process.stderr.write(chunk);
      stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL_CHARS);
    });
    child.on('error', (startError) => resolvePhase({ code: null, signal: null, stderrTail, startError }));
    child.on('close', (code, signal) => resolvePhase({ code, signal, stderrTail }));
    onStart(child);
  });
}

/**
 * The reason a step failed, in words, starting with the step's name
 * (`Astro was killed by SIGKILL ...`), or `undefined` when it succeeded.
 * Only an exit with status 0 is success: a process ended by a signal has a
 * `null` status, which must never read as 0.
 */
export function phaseFailure(phase: string, end: PhaseEnd): string | undefined {
  if (end.startError) return `${phase} could not be started (${end.startError.message})`;
  if (end.code === 0 && end.signal === null) return undefined;
  if (HEAP_EXHAUSTED.test(end.stderrTail)) {
    return `${phase} ran out of memory (its JavaScript heap was full${end.signal ? `; ended by ${end.signal}` : ''})`;
  }
  if (end.signal === 'SIGKILL') {
    return `${phase} was killed by SIGKILL (most often the system's out-of-memory killer: see \`dmesg\`)`;
  }
  if (end.signal) return `${phase} was killed by ${end.signal}`;
  if (end.code === null) return `${phase} ended without an exit status`;
  const silent = end.stderrTail.trim() === '' ? ' and wrote nothing to stderr' : '';
  return `${phase} exited with status ${end.code}${silent}`;
}

/** The exit status the build ends with after a failed step: the step's own, or 128 + the signal's number, as a shell reports it. */
export function phaseExitCode(end: PhaseEnd): number {
  if (end.signal) return 128 + constants.signals[end.signal];
  return end.code === null || end.code === 0 ? 1 : end.code;
}
