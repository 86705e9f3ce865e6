/**
 * A build step succeeds only by exiting with status 0, and a failure says
 * why in words: a status, a signal, an out-of-memory death.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { phaseExitCode, phaseFailure, runPhase, withHeapLimit, type PhaseEnd } from '../../scripts/build-phase';

const end = (fields: Partial<PhaseEnd>): PhaseEnd => ({ code: null, signal: null, stderrTail: '', ...fields });
const node = (script: string) => runPhase(process.execPath, ['-e', script]);

describe('a build step', () => {
  it('succeeds when it exits with status 0', async () => {
    const result = await node('');
    expect(phaseFailure('Astro', result)).toBeUndefined();
  });

  it('fails with its exit status, and keeps what it wrote to stderr', async () => {
    const result = await node('console.error("[ERROR] a page failed"); process.exit(3)');
    expect(result.stderrTail).toContain('[ERROR] a page failed');
    expect(phaseFailure('Astro', result)).toBe('Astro exited with status 3');
    expect(phaseExitCode(result)).toBe(3);
  });

  it('says so when a step fails without a word on stderr', async () => {
    expect(phaseFailure('Astro', await node('process.exit(1)'))).toBe(
      'Astro exited with status 1 and wrote nothing to stderr',
    );
  });

  it('never reads a step killed by a signal as a success', async () => {
    const result = await node('process.kill(process.pid, "SIGKILL")');
    expect(result).toMatchObject({ code: null, signal: 'SIGKILL' });
    expect(phaseFailure('Astro', result)).toBe(
      "Astro was killed by SIGKILL (most often the system's out-of-memory killer: see `dmesg`)",
    );
    expect(phaseExitCode(result)).toBe(137);
  });

  it('names any other signal', async () => {
    const result = await node('process.kill(process.pid, "SIGTERM")');
    expect(phaseFailure('Pagefind', result)).toBe('Pagefind was killed by SIGTERM');
    expect(phaseExitCode(result)).toBe(143);
  });

  it('tells a full JavaScript heap from other deaths', () => {
    const oom = end({
      signal: 'SIGABRT',
      stderrTail: 'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n',
    });
    expect(phaseFailure('Astro', oom)).toBe('Astro ran out of memory (its JavaScript heap was full; ended by SIGABRT)');
    expect(phaseExitCode(oom)).toBe(134);
  });

  it('fails when the program cannot be started at all', async () => {
    const result = await runPhase('/nonexistent/astro', []);
    expect(phaseFailure('Astro', result)).toMatch(/^Astro could not be started \(spawn \/nonexistent\/astro ENOENT\)$/);
    expect(phaseExitCode(result)).toBe(1);
  });

  it('treats an end with neither status nor signal as a failure', () => {
    expect(phaseFailure('Astro', end({}))).toBe('Astro ended without an exit status');
  });
});

describe("the steps' heap", () => {
  const gib = 2 ** 30;
  const nodeDefault = 4 * gib;

  it("is half the machine's memory, added to the options already given", () => {
    expect(withHeapLimit(undefined, 24 * gib, nodeDefault)).toBe('--max-old-space-size=12288');
    expect(withHeapLimit('', 10 * gib, nodeDefault)).toBe('--max-old-space-size=5120');
    expect(withHeapLimit('--enable-source-maps', 24 * gib, nodeDefault)).toBe(
      '--enable-source-maps --max-old-space-size=12288',
    );
  });

  it("is never less than Node's own limit, on a small machine", () => {
    expect(withHeapLimit(undefined, 4 * gib, nodeDefault)).toBe('--max-old-space-size=4096');
  });

  it('is left as the options set it, when they do', () => {
    expect(withHeapLimit('--max-old-space-size=2048', 24 * gib, nodeDefault)).toBe('--max-old-space-size=2048');
    expect(withHeapLimit('--cpu-prof --max-old-space-size=9000', 24 * gib, nodeDefault)).toBe(
      '--cpu-prof --max-old-space-size=9000',
    );
  });

  it('is an option Node takes', () => {
    const probe = spawnSync(
      process.execPath,
      ['-e', "console.log(require('v8').getHeapStatistics().heap_size_limit)"],
      {
        env: { ...process.env, NODE_OPTIONS: withHeapLimit(undefined, 24 * gib, nodeDefault) },
        encoding: 'utf8',
      },
    );
    expect(Number(probe.stdout) / 2 ** 20).toBeGreaterThan(12_000);
  });
});
