/** Small Response builders for the non-GraphQL routes. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function download(body: string, contentType: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}

export function unauthorized(message: string): Response {
  return json(401, { error: 'unauthorized', message }, { 'www-authenticate': 'Bearer realm="threadline"' });
}
