/**
 * Writes through the API: refused unless THREADLINE_ADMIN_TOKEN is configured and presented. Every write
 * rebuilds the analytics index before answering, so the caller's next query sees it.
 */
import type { UploadResult } from '../../../ingest/index.ts';
import type { RequestContext } from '../context.ts';
import { badInput, forbidden } from '../errors.ts';
import type { MutationResolvers } from '../generated/resolvers.ts';
import { plainIdOf } from '../node-id.ts';

const MAX_FILENAME = 255;

function requireAdmin(ctx: RequestContext): void {
  if (ctx.config.adminToken === null) {
    throw forbidden(
      'Writes through the API are disabled on this server: set THREADLINE_ADMIN_TOKEN where the server runs, restart it, and send the token as "Authorization: Bearer <token>" (or use npm run ingest while the server is stopped)',
    );
  }
  if (!ctx.isAdmin) {
    throw forbidden(
      'This write needs the admin token: send THREADLINE_ADMIN_TOKEN as "Authorization: Bearer <token>"',
    );
  }
}

export const Mutation = {
  ingestDocument: async (
    _: unknown,
    args: { filename: string; text?: string | null; file?: File | null; replaces?: string | null },
    ctx: RequestContext,
  ): Promise<UploadResult> => {
    requireAdmin(ctx);
    const filename = args.filename.trim();
    if (filename.length === 0 || filename.length > MAX_FILENAME || /[/\\\0]/.test(filename)) {
      throw badInput(
        `filename must be a plain file name such as "review-2024.txt" (no folders, at most ${MAX_FILENAME} characters)`,
        'filename',
      );
    }
    const hasText = typeof args.text === 'string';
    const hasFile = args.file !== null && args.file !== undefined;
    if (hasText === hasFile) {
      throw badInput(
        'send exactly one of text (the document as a string) or file (a multipart upload)',
        'text',
      );
    }
    const bytes = hasFile
      ? new Uint8Array(await (args.file as File).arrayBuffer())
      : new TextEncoder().encode(args.text as string);
    if (bytes.byteLength > ctx.config.limits.maxBodyBytes) {
      throw badInput(`${filename} is larger than the upload limit (THREADLINE_MAX_UPLOAD_MB)`, 'file');
    }
    const given = args.replaces?.trim() || null;
    const replaces = given === null ? null : plainIdOf(given, 'Source', 'replaces');
    // The replaced source's cases are read before it goes: those still published elsewhere need new texts.
    const affected = replaces === null ? [] : ctx.keeper.index.caseIds({ sources: [replaces] });
    const outcome = await ctx.ingest(ctx.store, filename, bytes, { replaces });
    if (outcome.sourceId !== null && outcome.status !== 'unchanged' && outcome.status !== 'failed') {
      await ctx.keeper.rebuild({ sources: [outcome.sourceId], cases: affected });
    }
    return outcome;
  },

  removeSource: async (_: unknown, args: { id: string }, ctx: RequestContext): Promise<boolean> => {
    requireAdmin(ctx);
    const id = plainIdOf(args.id, 'Source', 'id');
    const before = ctx.keeper.index;
    const affected = before.caseIds({ sources: [id] });
    const removed = await ctx.store.removeSource(id);
    if (removed) await ctx.keeper.rebuild({ sources: [], cases: affected });
    return removed;
  },
} satisfies MutationResolvers;
