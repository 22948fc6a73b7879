/**
 * Bounds how long one GraphQL request may take. The work itself cannot be interrupted mid-query, but the
 * caller gets a clear answer instead of a hanging connection.
 */
import { json } from './respond.ts';

export function withTimeout<A extends unknown[]>(
  handler: (...args: A) => Promise<Response> | Response,
  ms: number,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Response>((resolve) => {
      timer = setTimeout(() => {
        resolve(
          json(503, {
            errors: [
              {
                message: `The request took longer than ${ms} ms; narrow the filter or ask for fewer items`,
                extensions: { code: 'TIMEOUT' },
              },
            ],
          }),
        );
      }, ms);
    });
    try {
      return await Promise.race([handler(...args), late]);
    } finally {
      clearTimeout(timer);
    }
  };
}
