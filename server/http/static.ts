/**
 * The web app: static files from THREADLINE_WEB_DIR, with unknown extension-less paths falling back to
 * index.html (client-side routes). Without a build, a plain page says how to make one.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'SAMEORIGIN',
};

export function notBuiltPage(webDir: string): Response {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Threadline</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Threadline</h1>
<p>The web app has not been built yet (no <code>index.html</code> in <code>${escapeHtml(webDir)}</code>).</p>
<p>Run <code>npm run build</code> in the project folder, then reload this page.</p>
<p>The GraphQL API is already running: open <a href="/graphql">/graphql</a> to explore it.</p>
</body></html>`;
  return new Response(body, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS },
  });
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function fileResponse(path: string, method: string, immutable: boolean): Promise<Response> {
  const body = method === 'HEAD' ? null : await readFile(path);
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    },
  });
}

export function staticSite(webDir: string): (pathname: string, method: string) => Promise<Response> {
  const root = resolve(webDir);
  return async (pathname, method) => {
    const index = join(root, 'index.html');
    if (!(await isFile(index))) return notBuiltPage(webDir);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return new Response('Bad path', { status: 400 });
    }
    const target = resolve(root, `.${decoded}`);
    if (decoded.includes('\0') || (target !== root && !target.startsWith(root + sep))) {
      return new Response('Not found', { status: 404 });
    }
    if (await isFile(target)) return fileResponse(target, method, decoded.startsWith('/assets/'));
    if (extname(decoded) !== '') return new Response('Not found', { status: 404 });
    return fileResponse(index, method, false);
  };
}
