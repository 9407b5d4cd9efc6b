import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { environmentWithDotEnv } from '../../config/environment.ts';
import { DEFAULT_CONFIG_PATH, loadConfig, type Config } from '../../config/load-config.ts';
import { checkFeed, type FeedCheck } from '../../feeds/check-feed.ts';
import { asFeedError } from '../../feeds/feed-error.ts';
import { fetcherOf } from '../../feeds/ingest-context.ts';
import { feedsToOpml, OpmlError, opmlToFeeds, type OpmlFeed } from '../../feeds/opml.ts';
import { openStore } from '../../store/open-store.ts';
import { parseCommandLine } from '../parse-command-line.ts';
import { UsageError } from '../usage-error.ts';

/** `precis feeds --help`. */
export const feedsHelp = `Usage: precis feeds <check|import|export> [options]

Commands:
  check <url>           fetch and parse one feed, print what Précis sees
  import <file.opml>    add the feeds of an OPML file to the config file
  export                print every feed (config and chat-added) as OPML

Run "precis feeds <command> --help" for a command's options.`;

/** `precis feeds check --help`. */
export const feedsCheckHelp = `Usage: precis feeds check <url or file> [--json]

Fetches and parses one feed through the same safe path as the service (address rules, time and
size limits, charset decoding) and prints its title, format, encoding, item count, newest items
and any warnings. Exits 1 when the feed cannot be used.

Options:
  --json      print {"url","title","format","encoding","items":[{"title","url","published"}],"warnings":[]},
              or {"url","error":{"code","message"}} on failure
  -h, --help  show this help`;

/** `precis feeds import --help`. */
export const feedsImportHelp = `Usage: precis feeds import <file.opml> [--dry-run]

Adds every feed of an OPML subscription list (as feed readers export it) to the feeds of the
config file (PRECIS_CONFIG or ${DEFAULT_CONFIG_PATH}). Feeds whose URL is already there are skipped;
comments in the config file are kept.

Options:
  --dry-run   show what would be added, change nothing
  -h, --help  show this help`;

/** `precis feeds export --help`. */
export const feedsExportHelp = `Usage: precis feeds export [--output <file>]

Prints every http(s) feed Précis knows — the config file's and those chats added — as an OPML
2.0 subscription list.

Options:
  --output    write to this file instead of printing
  -h, --help  show this help`;

/** The feed URL a command-line argument names: an http(s) URL, or a local file path. */
function feedLocation(argument: string, cwd: string): string {
  if (/^https?:\/\//i.test(argument) || argument.startsWith('file:')) return argument;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(argument)) return argument; // refused later with a clear error
  const path = isAbsolute(argument) ? argument : resolve(cwd, argument);
  if (!existsSync(path)) throw new UsageError(`"${argument}" is neither an http(s) URL nor an existing file`, 'precis feeds check --help');
  return pathToFileURL(path).href;
}

function printCheck(check: FeedCheck, output: NodeJS.WritableStream): void {
  const lines = [
    `Feed:      ${check.title ?? '(no title)'}`,
    `URL:       ${check.finalUrl}`,
    `Format:    ${check.format === 'json' ? 'JSON Feed' : check.format === 'rdf' ? 'RSS 1.0 (RDF)' : check.format === 'atom' ? 'Atom' : 'RSS'}`,
    `Encoding:  ${check.encoding} (from ${check.encodingSource})`,
    `Language:  ${check.lang ?? '(not declared)'}`,
    `Items:     ${check.items.length}`,
  ];
  if (check.items.length) {
    lines.push('', 'Newest items:');
    for (const item of check.items.slice(0, 5)) lines.push(`  ${item.published?.slice(0, 16).replace('T', ' ') ?? '(no date)       '}  ${item.title}${item.url ? `\n                    ${item.url}` : ''}`);
  }
  if (check.warnings.length) lines.push('', 'Warnings:', ...check.warnings.map((warning) => `  - ${warning}`));
  output.write(`${lines.join('\n')}\n`);
}

async function checkSubcommand(args: string[], output: NodeJS.WritableStream, config: () => Config, cwd: string): Promise<number> {
  const { values, positionals } = parseCommandLine('feeds check', args, { json: { type: 'boolean' } });
  if (values.help) {
    output.write(`${feedsCheckHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('feeds check takes one feed URL', 'precis feeds check --help');
  const url = feedLocation(positionals[0], cwd);
  const fetcher = fetcherOf(config());
  try {
    const check = await checkFeed(fetcher, url, { allowFiles: true });
    if (values.json) {
      const { url: checked, title, format, encoding, items, warnings } = check;
      output.write(`${JSON.stringify({ url: checked, title, format, encoding, items, warnings }, null, 2)}\n`);
    } else printCheck(check, output);
    return 0;
  } catch (error) {
    const failure = asFeedError(error, url);
    if (values.json) output.write(`${JSON.stringify({ url, error: { code: failure.code, message: failure.message } }, null, 2)}\n`);
    else output.write(`Cannot use this feed: ${failure.message}\n`);
    return 1;
  } finally {
    await fetcher.close();
  }
}

function configPath(env: Record<string, string | undefined>, cwd: string): string {
  const shown = env.PRECIS_CONFIG?.trim() || DEFAULT_CONFIG_PATH;
  return isAbsolute(shown) ? shown : resolve(cwd, shown);
}

function importSubcommand(args: string[], output: NodeJS.WritableStream, env: Record<string, string | undefined>, cwd: string): number {
  const { values, positionals } = parseCommandLine('feeds import', args, { 'dry-run': { type: 'boolean' } });
  if (values.help) {
    output.write(`${feedsImportHelp}\n`);
    return 0;
  }
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('feeds import takes one OPML file', 'precis feeds import --help');
  const opmlPath = resolve(cwd, positionals[0]);
  if (!existsSync(opmlPath)) throw new UsageError(`${positionals[0]}: no such file`, 'precis feeds import --help');
  let feeds: OpmlFeed[];
  try {
    feeds = opmlToFeeds(readFileSync(opmlPath, 'utf8'));
  } catch (error) {
    if (error instanceof OpmlError) {
      output.write(`${positionals[0]}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const config = loadConfig(env, cwd);
  const path = configPath(env, cwd);
  const original = readFileSync(path, 'utf8');
  const document = parseDocument(original);
  let list = document.get('feeds');
  if (!isSeq(list)) {
    list = new YAMLSeq();
    document.set('feeds', list);
  }
  const known = new Set(config.feeds.map((feed) => feed.url));
  const added: OpmlFeed[] = [];
  const skipped: string[] = [];
  for (const feed of feeds) {
    if (!/^https?:\/\//i.test(feed.url)) skipped.push(`${feed.url} (not an http(s) URL)`);
    else if (known.has(feed.url)) skipped.push(`${feed.url} (already configured)`);
    else {
      known.add(feed.url);
      added.push(feed);
      const entry = new YAMLMap();
      entry.set('name', feed.title);
      entry.set('url', feed.url);
      (list as YAMLSeq).add(entry);
    }
  }
  const lines = [`${added.length} feed${added.length === 1 ? '' : 's'} ${values['dry-run'] ? 'would be ' : ''}added to ${env.PRECIS_CONFIG?.trim() || DEFAULT_CONFIG_PATH}`];
  lines.push(...added.map((feed) => `  + ${feed.title} <${feed.url}>`));
  if (skipped.length) lines.push(`${skipped.length} skipped:`, ...skipped.map((line) => `  - ${line}`));
  if (!values['dry-run'] && added.length) {
    if ((list as YAMLSeq).items.length === added.length && isMap((list as YAMLSeq).items[0])) (list as YAMLSeq).flow = false;
    writeFileSync(path, document.toString());
    try {
      loadConfig(env, cwd);
    } catch (error) {
      writeFileSync(path, original);
      throw error;
    }
  }
  output.write(`${lines.join('\n')}\n`);
  return 0;
}

async function exportSubcommand(args: string[], output: NodeJS.WritableStream, config: () => Config, cwd: string): Promise<number> {
  const { values, positionals } = parseCommandLine('feeds export', args, { output: { type: 'string' } });
  if (values.help) {
    output.write(`${feedsExportHelp}\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`feeds export takes no arguments (got "${positionals.join(' ')}")`, 'precis feeds export --help');
  const loaded = config();
  const feeds: OpmlFeed[] = loaded.feeds.filter((feed) => /^https?:/i.test(feed.url)).map((feed) => ({ title: feed.name, url: feed.url, siteUrl: null, category: null }));
  const urls = new Set(feeds.map((feed) => feed.url));
  const databaseExists = loaded.storage.kind === 'postgres' || existsSync(loaded.storage.path);
  if (databaseExists) {
    const store = await openStore(loaded.storage);
    try {
      for (const feed of await store.listFeeds()) {
        if (feed.origin === 'chat' && !urls.has(feed.url)) {
          urls.add(feed.url);
          feeds.push({ title: feed.title, url: feed.url, siteUrl: null, category: 'Added in chats' });
        }
      }
    } finally {
      await store.close();
    }
  }
  const opml = feedsToOpml(feeds, { title: 'Précis feeds', now: Date.now() });
  if (values.output) {
    writeFileSync(resolve(cwd, values.output), opml);
    output.write(`${feeds.length} feed${feeds.length === 1 ? '' : 's'} written to ${values.output}\n`);
  } else output.write(opml);
  return 0;
}

/**
 * `precis feeds check|import|export`: look at one feed as Précis sees it, and move feed lists
 * in and out as OPML.
 *
 * @example
 *   await feedsCommand(['check', '--json', 'https://example.org/rss'], process.stdout, process.env, process.cwd());
 */
export async function feedsCommand(args: string[], output: NodeJS.WritableStream, env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const [subcommand, ...rest] = args;
  if (!subcommand || subcommand === '--help' || subcommand === '-h' || subcommand === 'help') {
    output.write(`${feedsHelp}\n`);
    return subcommand ? 0 : 2;
  }
  const environment = environmentWithDotEnv(env, cwd);
  const config = () => loadConfig(environment, cwd);
  switch (subcommand) {
    case 'check':
      return checkSubcommand(rest, output, config, cwd);
    case 'import':
      return importSubcommand(rest, output, environment, cwd);
    case 'export':
      return exportSubcommand(rest, output, config, cwd);
    default:
      throw new UsageError(`unknown feeds command "${subcommand}" (commands: check, import, export)`, 'precis feeds --help');
  }
}
