import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.ts';
import { runCliCaptured, spawnPrecis } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

describe('precis start with no token (the console channel)', () => {
  it('prints the digest of the bundled feeds, keeps running, and exits 0 on Ctrl-C', async () => {
    const cwd = tempDir();
    const run = spawnPrecis(['start'], { cwd, env: { PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml') } });
    try {
      await run.waitForOutput('Choe Son Hui');
      expect(run.stdout).toContain('La Corée du Nord promet le soutien de la Russie dans le conflit ukrainien !');
      expect(run.stdout).toContain('Nos relations traditionnelles et historiquement amicales (...) atteignent un nouveau niveau de camaraderie militaire invincible');
      const referenceStory = run.stdout.slice(run.stdout.indexOf('La Corée du Nord promet'), run.stdout.indexOf('Sources:', run.stdout.indexOf('La Corée du Nord promet')));
      expect(referenceStory).toContain('[10 000 soldats]');
      expect(referenceStory).toContain('[8 000 soldats nord-coréens]');
      const deadline = Date.now() + 5000;
      while (!run.stderr.includes('TELEGRAM_BOT_TOKEN') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(run.stderr).toContain('DISCORD_BOT_TOKEN');
      expect(run.child.exitCode).toBeNull();
      expect(existsSync(join(cwd, 'data', 'precis.sqlite'))).toBe(true);
      expect(await runCliCaptured(['health'], { cwd, env: { PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml') } })).toMatchObject({ code: 0, stdout: 'healthy\n' });
    } finally {
      run.child.kill('SIGINT');
    }
    expect(await run.exited).toBe(0);
    expect(run.stderr).not.toMatch(/Error|at .*:\d+:\d+/);
  });

  it('shows the latest stories again right away after a restart, from the same database', async () => {
    const cwd = tempDir();
    const env = { PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml') };
    const first = spawnPrecis(['start'], { cwd, env });
    await first.waitForOutput('Choe Son Hui');
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    // A restart still shows the latest stories right away: an on-demand digest, not a new scheduled one.
    const second = spawnPrecis(['start'], { cwd, env });
    await second.waitForOutput('Choe Son Hui');
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

describe('npm start', () => {
  it('exits 0 when Ctrl-C reaches the whole process group (npm, its shell and Précis)', async () => {
    const { spawn } = await import('node:child_process');
    const cwd = tempDir();
    const npm = spawn('npm', ['--prefix', repoRoot, 'start'], {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml') },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    npm.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 15_000;
    while (!stdout.includes('Choe Son Hui') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stdout).toContain('Choe Son Hui');
    process.kill(-(npm.pid ?? 0), 'SIGINT');
    expect(await exited).toBe(0);
  });
});
