import { environmentWithDotEnv } from '../../config/environment.ts';
import { loadConfig } from '../../config/load-config.ts';
import { heartbeatProblem } from '../../service/heartbeat.ts';
import { parseCommandLine } from '../parse-command-line.ts';

export const healthHelp = `Usage: precis health

Exits 0 when a running "precis start" wrote its heartbeat in the last 90 seconds, 1 otherwise
(Docker's HEALTHCHECK runs it). The heartbeat file is health.heartbeat in the config
(default data/heartbeat.json).

Options:
  -h, --help  show this help`;

/** `precis health`: is the service alive? */
export function healthCommand(args: string[], output: NodeJS.WritableStream, env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const { values } = parseCommandLine('health', args, {});
  if (values.help) {
    output.write(`${healthHelp}\n`);
    return Promise.resolve(0);
  }
  const config = loadConfig(environmentWithDotEnv(env, cwd), cwd);
  const problem = heartbeatProblem(config.heartbeatFile, Date.now());
  output.write(problem ? `unhealthy: ${problem}\n` : 'healthy\n');
  return Promise.resolve(problem ? 1 : 0);
}
