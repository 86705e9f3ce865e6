/**
 * `npm run publish:service`: a process that stays up and runs the render
 * and search steps of every build and publish of this project (and content
 * folder) warm, so that one change is published in the time its own pages
 * take, not in the time a new process takes to load the site's code and
 * content (docs/decisions.md, "A publishing service keeps the steps warm").
 *
 * `scripts/build.ts` asks the service, on a socket named after the build
 * caches' folder, to run a step it serves (`servedStep`); with no service
 * listening, or one that declines, it runs the step as a process of its
 * own, as always. The service declines a build whose code (`scripts/`, and
 * the site's code) or whose `BROADSIDE_CONTENT` and
 * `BROADSIDE_SEARCH_PART_PAGES` are not its own: it is restarted after a
 * change to the code.
 *
 * The steps run one at a time in a worker thread, which keeps the render
 * bundle loaded and the content store in memory (scripts/publish-pages.ts),
 * with half the machine's memory for its heap as a step's process has. A
 * render with another bundle (a build of the whole site made a new one)
 * gets a new worker; so does every step after one whose worker died, of an
 * error or of memory, which fails that step alone.
 *
 * `npm run publish:service [-- --outDir X]` readies the render of the site
 * at X (`dist/` by default) before it listens, under the build's lock, when
 * a build kept its bundle: the first publish then costs what the later
 * ones do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { buildCacheRoot } from '../src/lib/content/root.ts';
import { fileSignature } from '../src/lib/file-memo.ts';
import { filesVersion, siteCodeVersion } from '../src/lib/routes/site-code.ts';
import { readBuildArgs } from './build-args.ts';
import type { PhaseEnd } from './build-phase.ts';
import { bundleFolder, siteRecordFile } from './site-record.ts';
import { lockBuild, type BuildLock } from './staged-output.ts';

const project = join(import.meta.dirname, '..');

/** The steps the service runs, by the script a build would run as a process. */
const SERVED = {
  'publish-pages.ts': async () => {
    const { publishPages } = await import('./publish-pages.ts');
    return (args: readonly string[]) => publishPages(args, { indexAhead: true });
  },
  'search-index.ts': async () => (await import('./search-index.ts')).searchStep,
};
type ServedScript = keyof typeof SERVED;
/** What the worker does: a served step, or readying the render of a bundle before any build asks (`warm`, its folder and the record of the site). */
const TASKS = { ...SERVED, warm: async () => (await import('./publish-pages.ts')).warmUp };
type Task = keyof typeof TASKS;
const isServed = (name: string): name is ServedScript => name in SERVED;

/** What the served steps read of the environment, beside their arguments. */
const SERVED_ENVIRONMENT = ['BROADSIDE_CONTENT', 'BROADSIDE_SEARCH_PART_PAGES'];

/** The socket of the service for this project's build caches (the content folder's, with `BROADSIDE_CONTENT`). */
export function serviceSocket(cacheRoot = buildCacheRoot(project)): string {
  const name = createHash('sha256').update(resolve(cacheRoot)).digest('hex').slice(0, 16);
  return join(tmpdir(), `broadside-publish-${name}.sock`);
}

/**
 * What a build and the service must share for the service to run the
 * build's steps: the site's code (`siteCode`, its version), the scripts,
 * the folder and the environment.
 */
export function servedSetting(siteCode: string, root = project): string {
  const environment = SERVED_ENVIRONMENT.map((name) => `${name}=${process.env[name] ?? ''}`);
  return [siteCode, filesVersion(root, ['scripts']), process.cwd(), ...environment].join('\n');
}

interface StepRequest {
  setting: string;
  script: ServedScript;
  args: string[];
}
interface WorkerTask {
  task: Task;
  args: string[];
}
/** What the service sends back, one JSON per line: output as it comes, then how the step ended or why it was declined. */
type ServiceMessage = { out: string } | { err: string } | { code: number } | { declined: string };

/**
 * Runs `script` with `args` in the service, if one is listening and takes
 * it: its output is shown as it comes, and it resolves with how the step
 * ended. Resolves `undefined` when the build must run the step itself.
 */
export function servedStep(
  script: string,
  args: readonly string[],
  setting: string,
  socket = serviceSocket(),
): Promise<PhaseEnd | undefined> {
  const name = script.split('/').at(-1)!;
  if (!isServed(name)) return Promise.resolve(undefined);
  return new Promise((done) => {
    let stderrTail = '';
    let ended = false;
    let pending = '';
    const end = (result: PhaseEnd | undefined) => {
      if (ended) return;
      ended = true;
      client.destroy();
      done(result);
    };
    const client = connect(socket);
    let started = false;
    client.on('connect', () => {
      started = true;
      client.write(`${JSON.stringify({ setting, script: name, args: [...args] } satisfies StepRequest)}\n`);
    });
    client.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      for (let at = pending.indexOf('\n'); at !== -1; at = pending.indexOf('\n')) {
        const message = JSON.parse(pending.slice(0, at)) as ServiceMessage;
        pending = pending.slice(at + 1);
        if ('out' in message) process.stdout.write(message.out);
        else if ('err' in message) {
          process.stderr.write(message.err);
          stderrTail = (stderrTail + message.err).slice(-8_192);
        } else if ('declined' in message) {
          console.log(`The publishing service did not run this step: ${message.declined}.`);
          end(undefined);
        } else end({ code: message.code, signal: null, stderrTail });
      }
    });
    // No service listening: the build runs the step itself.
    client.on('error', () => end(started ? lost() : undefined));
    client.on('close', () => end(started ? lost() : undefined));
    const lost = (): PhaseEnd => ({
      code: 1,
      signal: null,
      stderrTail: `${stderrTail}\nthe publishing service stopped during the step\n`,
    });
  });
}

/**
 * Starts the service as a process of its own, for the site at `outDir` and
 * the environment `env`, and resolves once it listens, with what it has
 * said by then (the benchmark's and the tests' way to run one).
 */
export function startService(outDir: string, env: NodeJS.ProcessEnv): Promise<{ service: ChildProcess; said: string }> {
  const service = spawn(process.execPath, [import.meta.filename, '--outDir', outDir], {
    cwd: project,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((ready, failed) => {
    let said = '';
    const heard = (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('Publishing service ready')) ready({ service, said });
    };
    service.stdout.on('data', heard);
    service.stderr.on('data', heard);
    service.on('exit', (code) => failed(new Error(`the publishing service exited (${code}):\n${said.slice(-3000)}`)));
  });
}

/** Stops a service `startService` started, and resolves once it has ended. */
export function stopService(service: ChildProcess): Promise<void> {
  if (service.exitCode !== null || service.signalCode !== null) return Promise.resolve();
  return new Promise((stopped) => {
    service.on('exit', () => stopped());
    service.kill('SIGTERM');
  });
}

/** The worker's side: runs each step it is sent, its console's output sent back before the step's end. */
function serveInWorker(): void {
  const port = parentPort!;
  const send = (message: ServiceMessage) => port.postMessage(message);
  // Everything a step prints goes to the build that asked for it, in order, before the step's end.
  const writeTo = (kind: 'out' | 'err') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      send(kind === 'out' ? { out: String(chunk) } : { err: String(chunk) });
      const callback = rest.find((value) => typeof value === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = writeTo('out');
  process.stderr.write = writeTo('err');
  console.log = console.info = (...values: unknown[]) => send({ out: `${format(...values)}\n` });
  console.warn = console.error = (...values: unknown[]) => send({ err: `${format(...values)}\n` });
  const runTask = async ({ task, args }: WorkerTask): Promise<number> => {
    try {
      const run = await TASKS[task]();
      return await run(args);
    } catch (error) {
      console.error(error instanceof Error && error.stack ? error.stack : String(error));
      return 1;
    }
  };
  port.on('message', (task: WorkerTask) => void runTask(task).then((code) => send({ code })));
}

/**
 * The service's side: a socket for builds, and the worker that runs their
 * steps one at a time, readied first to render the site at `target` when a
 * build kept its bundle.
 */
function serve(socket: string, target: string): void {
  const setting = servedSetting(siteCodeVersion(project));
  const heapMiB = Math.floor(Math.max(totalmem() / 2, getHeapStatistics().heap_size_limit) / 2 ** 20);
  let worker: { thread: Worker; bundle: string | undefined } | undefined;
  let queue = Promise.resolve();

  const run = ({ task, args }: WorkerTask, reply: (message: ServiceMessage) => void): Promise<void> => {
    // A render binds the worker to its bundle, as the folder is now; another bundle needs a new worker.
    const folder = task === 'publish-pages.ts' ? args[2] : task === 'warm' ? args[0] : undefined;
    const bundle = folder ? `${folder} ${fileSignature(folder)}` : '';
    if (worker && bundle && worker.bundle !== undefined && worker.bundle !== bundle) {
      void worker.thread.terminate();
      worker = undefined;
    }
    worker ??= {
      thread: new Worker(import.meta.filename, { resourceLimits: { maxOldGenerationSizeMb: heapMiB } }),
      bundle: undefined,
    };
    if (bundle) worker.bundle = bundle;
    const current = worker;
    return new Promise((done) => {
      const finish = (message: ServiceMessage) => {
        current.thread.off('message', onMessage);
        current.thread.off('error', onError);
        reply(message);
        done();
      };
      const onMessage = (message: ServiceMessage) => ('code' in message ? finish(message) : reply(message));
      const onError = (error: Error) => {
        if (worker === current) worker = undefined;
        reply({ err: `${error.stack ?? error.message}\n` });
        finish({ code: 1 });
      };
      current.thread.on('message', onMessage);
      current.thread.on('error', onError);
      current.thread.postMessage({ task, args } satisfies WorkerTask);
    });
  };

  const server = createServer((connection: Socket) => {
    let pending = '';
    connection.on('error', () => undefined);
    connection.on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      const at = pending.indexOf('\n');
      if (at === -1) return;
      const request = JSON.parse(pending.slice(0, at)) as StepRequest;
      const reply = (message: ServiceMessage) => {
        if (!connection.destroyed) connection.write(`${JSON.stringify(message)}\n`);
      };
      if (request.setting !== setting) {
        reply({
          declined: `it runs other code, another folder or another content folder than this build: restart it (npm run publish:service)`,
        });
        connection.end();
        return;
      }
      const started = performance.now();
      queue = queue.then(() =>
        run({ task: request.script, args: request.args }, reply).then(() => {
          console.log(`${request.script}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
          connection.end();
        }),
      );
    });
  });
  const stop = () => {
    server.close();
    rmSync(socket, { force: true });
    void worker?.thread.terminate();
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  // A socket file left by a service that died is taken over; one that answers is a service already running.
  const probe = connect(socket);
  probe.on('connect', () => {
    probe.destroy();
    console.error(`A publishing service already listens on ${socket}.`);
    process.exitCode = 1;
  });
  probe.on('error', () => {
    rmSync(socket, { force: true });
    const record = siteRecordFile(buildCacheRoot(project), target);
    const bundle = bundleFolder(record);
    // Readying syncs the content, as a build does, so it holds the build's lock; a build running now is left alone.
    const lock = existsSync(bundle) ? takeLock(target) : undefined;
    let readied = '';
    if (lock)
      queue = run({ task: 'warm', args: [bundle, record] }, (message) => {
        if ('err' in message) process.stderr.write(message.err);
        if ('code' in message && message.code === 0) readied = `, the site in ${target} loaded`;
      }).finally(() => lock.release());
    void queue.then(() =>
      server.listen(socket, () =>
        console.log(`Publishing service ready${readied}: builds of ${project} run their steps here.`),
      ),
    );
  });
}

/** The build lock on `target`, or `undefined` while a build holds it. */
function takeLock(target: string): BuildLock | undefined {
  try {
    return lockBuild(target);
  } catch {
    return undefined;
  }
}

if (!isMainThread) serveInWorker();
else if (import.meta.main) serve(serviceSocket(), readBuildArgs(process.argv.slice(2)).target);
