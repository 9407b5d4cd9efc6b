import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.ts';
import { repoRoot } from './paths.ts';

/** Runs the CLI in this process and captures what it prints. */
export async function runCliCaptured(argv: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const output = new PassThrough();
  const errors = new PassThrough();
  let stdout = '';
  let stderr = '';
  output.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  errors.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await runCli(argv, output, errors, options.env ?? {}, options.cwd ?? repoRoot);
  return { code, stdout, stderr };
}

/** Starts `bin/precis.js` as a user would, as a child process. */
export function spawnPrecis(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  const child = spawn(process.execPath, [`${repoRoot}bin/precis.js`, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    /** Resolves once stdout contains `text`; rejects after `timeoutMs`. */
    async waitForOutput(text: string, timeoutMs = 15_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!stdout.includes(text)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}"; stdout:\n${stdout}\nstderr:\n${stderr}`);
        if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before printing "${text}"; stderr:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}
