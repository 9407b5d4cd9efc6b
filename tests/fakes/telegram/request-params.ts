import type { IncomingMessage } from 'node:http';

/** A file part of a multipart request. */
export interface UploadedFile {
  filename: string;
  contentType: string | null;
  data: Buffer;
}

/** A Bot API method's parameters, whatever the body encoding. */
export type MethodParams = Record<string, unknown>;

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Form values are strings; nested objects come JSON-encoded, as grammY and curl send them. */
function formValue(value: string): unknown {
  const trimmed = value.trim();
  if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function parseMultipart(body: Buffer, boundary: string): MethodParams {
  const params: MethodParams = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const data = part.subarray(headerEnd + 4);
      // Quoted or not: grammY writes filename=hello.txt, browsers filename="hello.txt".
      const nameMatch = /(?:^|[;\s])name=(?:"([^"]*)"|([^;\r\n]+))/i.exec(headers);
      const fileMatch = /filename=(?:"([^"]*)"|([^;\r\n]+))/i.exec(headers);
      const name = nameMatch ? (nameMatch[1] ?? nameMatch[2]) : undefined;
      const filename = fileMatch ? (fileMatch[1] ?? fileMatch[2]) : undefined;
      if (name !== undefined) {
        params[name] =
          filename !== undefined
            ? ({ filename, contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? null, data: Buffer.from(data) } satisfies UploadedFile)
            : formValue(data.toString('utf8'));
      }
    }
    start = next;
  }
  return params;
}

/** Replaces "attach://<name>" references (how grammY and the Bot API point at uploaded parts) with the files. */
function resolveAttachments(params: MethodParams): MethodParams {
  const attached = new Set<string>();
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith('attach://')) {
      const name = value.slice('attach://'.length);
      const file = params[name];
      if (file && typeof file === 'object' && 'data' in file) {
        attached.add(name);
        return file;
      }
      return value;
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object' && !('data' in value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
    return value;
  };
  const resolved = Object.fromEntries(Object.entries(params).map(([key, value]) => [key, resolve(value)]));
  for (const name of attached) Reflect.deleteProperty(resolved, name);
  return resolved;
}

/**
 * Reads a Bot API request's parameters: the query string, then a JSON, URL-encoded or
 * multipart/form-data body (grammY sends JSON, and multipart when a file is attached).
 *
 * @example
 *   const params = await readMethodParams(request); // { chat_id: 42, text: 'Hi', parse_mode: 'HTML' }
 */
export async function readMethodParams(request: IncomingMessage, limit = 10 * 1024 * 1024): Promise<MethodParams> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const params: MethodParams = {};
  for (const [key, value] of url.searchParams) params[key] = formValue(value);
  if (request.method !== 'POST') return params;
  const body = await readBody(request, limit);
  if (!body.length) return params;
  const type = request.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the JSON body is not an object');
    return { ...params, ...(parsed as MethodParams) };
  }
  if (type.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) params[key] = formValue(value);
    return params;
  }
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
  if (type.includes('multipart/form-data') && boundary) return resolveAttachments({ ...params, ...parseMultipart(body, boundary[1] ?? boundary[2] ?? '') });
  throw new Error(`unsupported content-type "${type}"`);
}
