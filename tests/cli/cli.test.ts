import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceArticlePath, repoRoot } from '../helpers/paths.ts';
import { runCliCaptured } from '../helpers/run-cli.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();

describe('precis CLI', () => {
  it('shows help for the program and each command', async () => {
    const main = await runCliCaptured(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/Commands:[\s\S]*start[\s\S]*preview[\s\S]*analyze/);
    for (const command of ['start', 'preview', 'analyze']) {
      const help = await runCliCaptured([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: precis ${command}`);
    }
  });

  it('refuses an unknown command or option with exit code 2 and a pointer to help', async () => {
    const command = await runCliCaptured(['strat']);
    expect(command).toMatchObject({ code: 2, stdout: '' });
    expect(command.stderr).toMatch(/^precis: unknown command "strat" \(commands: start, preview, analyze, [a-z, ]+\)\nRun "precis --help" for usage\.\n$/);
    const option = await runCliCaptured(['preview', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("precis: unknown option '--colour'");
    expect(option.stderr).toContain('Run "precis preview --help" for usage.');
    const format = await runCliCaptured(['preview', '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--format must be one of text, telegram, discord, json (got "pdf")');
  });

  it('says what is missing when analyze has no input or a missing file', async () => {
    expect(await runCliCaptured(['analyze'])).toMatchObject({ code: 2, stderr: expect.stringContaining('analyze needs a file or URL to read') as unknown });
    expect(await runCliCaptured(['analyze', 'nope.txt'])).toMatchObject({ code: 2, stderr: expect.stringContaining('nope.txt: no such file') as unknown });
  });

  it('exits 2 on a bad config, naming the file and key, without a stack trace', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config', 'precis.yaml'), 'schedule:\n  cron: "61 8 * * *"\n  timezone: Mars/Olympus\nextra: 1\n');
    const result = await runCliCaptured(['preview'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n').sort()).toEqual([
      expect.stringMatching(/^config\/precis\.yaml: extra: unknown key \(expected one of: feeds, schedule, digest, storage, [\w, ]+\)$/),
      'config/precis.yaml: schedule.cron: "61 8 * * *" is not a valid cron expression',
      'config/precis.yaml: schedule.timezone: "Mars/Olympus" is not a known IANA time zone (e.g. "Europe/Paris")',
    ]);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  describe.skipIf(!referenceArticlePath)('analyze --json', () => {
    it('prints exactly the contract shape for the reference article', async () => {
      const result = await runCliCaptured(['analyze', '--json', referenceArticlePath ?? '']);
      expect(result.code).toBe(0);
      const analysis = JSON.parse(result.stdout) as Record<string, unknown>;
      expect(Object.keys(analysis)).toEqual(['lang', 'title', 'summary', 'quotes', 'figures']);
      expect(analysis.lang).toBe('fr');
      expect(analysis.title).toBe('La Corée du Nord promet le soutien de la Russie dans le conflit ukrainien !');
      const quotes = analysis.quotes as { text: string; speaker: string | null }[];
      for (const quote of quotes) expect(Object.keys(quote)).toEqual(['text', 'speaker']);
      expect(quotes).toContainEqual({
        text: 'Nos relations traditionnelles et historiquement amicales (...) atteignent un nouveau niveau de camaraderie militaire invincible',
        speaker: 'Choe Son Hui',
      });
      const figures = analysis.figures as { surface: string; value: number; unit: string | null }[];
      for (const figure of figures) expect(Object.keys(figure)).toEqual(['surface', 'value', 'unit']);
      expect(figures.map((figure) => figure.value)).toEqual(expect.arrayContaining([10000, 8000]));
    });
  });

  it('analyzes the first item of a feed file', async () => {
    const result = await runCliCaptured(['analyze', '--json', join(repoRoot, 'config/samples/world-en.atom')]);
    expect(result.code).toBe(0);
    const analysis = JSON.parse(result.stdout) as { lang: string; title: string; quotes: { speaker: string | null }[] };
    expect(analysis.title).toBe('Harbour city approves 2,500 affordable homes after marathon session');
    expect(analysis.lang).toBe('en');
  });

  it('previews the bundled feeds in every format without touching the database', async () => {
    const cwd = tempDir();
    const env = { PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml') };
    const text = await runCliCaptured(['preview'], { cwd, env });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('La Corée du Nord promet le soutien de la Russie dans le conflit ukrainien !');
    const json = await runCliCaptured(['preview', '--format', 'json'], { cwd, env });
    const digest = JSON.parse(json.stdout) as { stories: { headline: string }[] };
    expect(digest.stories.length).toBeGreaterThan(1);
    const telegram = JSON.parse((await runCliCaptured(['preview', '--format', 'telegram'], { cwd, env })).stdout) as { html: string }[];
    expect(telegram[0]?.html).toContain('<b>');
    const discord = JSON.parse((await runCliCaptured(['preview', '--format', 'discord'], { cwd, env })).stdout) as { embeds: unknown[] }[];
    expect(discord[0]?.embeds.length).toBeGreaterThan(0);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  });
});

describe('precis health', () => {
  it('is unhealthy when no service ever ran here', async () => {
    const result = await runCliCaptured(['health'], { cwd: tempDir(), env: { PRECIS_CONFIG: join(repoRoot, 'config/precis.yaml') } });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^unhealthy: no heartbeat at .*heartbeat\.json/);
  });
});
