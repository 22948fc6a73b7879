/**
 * `npm run bench -- web [THEMESxEDGES] [--runs N] [--webgl] [--url URL]`: the built explorer in headless
 * Chromium with a synthetic network generated in the page (?bench=300x5000, no server or database
 * involved), or, with --url, the explorer of a running server (e.g. one serving 10k reviews from
 * `npm run bench -- store --reviews 10000 --keep`; add ?links=all to the URL for every pair). Measures the
 * time to the first drawn map and the frame times while the map is dragged (median, p95, p99, worst). --webgl adds a row for
 * Cytoscape's experimental WebGL renderer; Chromium runs with --disable-gpu here, so that WebGL is
 * software rendered and far slower than on a machine with a GPU.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const webDir = join(root, 'dist/web');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Mouse moves per leg of the drag; each waits for the page to take the event, as a real drag would. */
const DRAG_STEPS = 15;

interface RunFigures {
  firstDrawMs: number;
  layoutMs: number;
  frames: number[];
  themes: number;
  links: number;
}

export async function run(args: string[]): Promise<void> {
  const size = args.find((a) => /^\d+x\d+$/.test(a)) ?? '300x5000';
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 3) : 3;
  const urlAt = args.indexOf('--url');
  const target = urlAt >= 0 ? (args[urlAt + 1] ?? null) : null;
  if (!existsSync('/usr/bin/chromium')) {
    console.error('bench web: needs Chromium at /usr/bin/chromium (apt-get install chromium)');
    process.exitCode = 2;
    return;
  }
  if (!existsSync(join(webDir, 'index.html'))) {
    console.log('dist/web is missing: building the web app first…');
    await build();
  }
  const server = await serve();
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const rows: string[][] = [];
  try {
    const renderers = args.includes('--webgl') ? (['canvas', 'webgl'] as const) : (['canvas'] as const);
    for (const renderer of renderers) {
      const figures: RunFigures[] = [];
      let failure: string | null = null;
      for (let i = 0; i < runs && !failure; i++) {
        const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
        try {
          const url = target
            ? `${target}${target.includes('?') ? '&' : '?'}${renderer === 'webgl' ? 'webgl=1' : ''}`
            : `${base}/?bench=${size}${renderer === 'webgl' ? '&webgl=1' : ''}`;
          figures.push(await measure(page, url));
        } catch (e) {
          failure = e instanceof Error ? e.message.split('\n')[0]! : String(e);
        } finally {
          await page.close().catch(() => undefined);
        }
      }
      if (failure) {
        rows.push([renderer, `failed: ${failure}`, '', '', '', '', '', '', '', '']);
        continue;
      }
      const frames = figures.flatMap((f) => f.frames);
      rows.push([
        renderer,
        fmt(median(figures.map((f) => f.firstDrawMs))),
        fmt(median(figures.map((f) => f.layoutMs))),
        fmt(percentile(frames, 50), 1),
        fmt(percentile(frames, 95), 1),
        fmt(percentile(frames, 99), 1),
        fmt(Math.max(...frames), 1),
        fmt(1000 / mean(frames), 0),
        String(frames.length),
        `${figures[0]?.themes ?? 0}/${figures[0]?.links ?? 0}`,
      ]);
    }
  } finally {
    await browser.close();
    server.close();
  }
  const [themes, edges] = size.split('x');
  const what = target
    ? `the explorer at ${target}`
    : `synthetic network of ${themes} themes and ${edges} links`;
  console.log(`\nWeb theme map, ${what}, ${runs} runs each (headless Chromium, 1600×900, no GPU)\n`);
  table(
    [
      'renderer',
      'first draw ms',
      'layout ms',
      'frame p50 ms',
      'frame p95 ms',
      'frame p99 ms',
      'worst frame ms',
      'fps',
      'frames',
      'themes/links drawn',
    ],
    rows,
  );
  console.log('\nfirst draw: navigation start to the first rendered frame of the map (median of runs);');
  console.log('frames: requestAnimationFrame intervals while the map is dragged across the screen.');
}

async function measure(page: Page, url: string): Promise<RunFigures> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('threadline:first-draw').length > 0, null, {
    timeout: 120_000,
  });
  const timing = await page.evaluate(() => ({
    firstDrawMs: performance.getEntriesByName('threadline:first-draw')[0]!.startTime,
    layoutMs: performance.getEntriesByName('threadline:layout')[0]?.duration ?? Number.NaN,
  }));
  // Counted as drawn: theme circles (not community regions) and links.
  const drawn = await page.evaluate(`(() => {
    const cy = window.threadline.debug.mapCy();
    const themes = cy.nodes().filter((n) => !n.isParent()).length;
    return { themes, links: cy.edges().length };
  })()`);
  const box = (await page.getByTestId('map').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__recording = true;
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (window.__recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  // A scripted drag: out and back, twice, in small steps like a hand on a trackpad.
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (const [dx, dy] of [
    [300, 120],
    [-300, -120],
    [-250, 150],
    [250, -150],
  ] as const) {
    await page.mouse.move(cx + dx, cy + dy, { steps: DRAG_STEPS });
    await page.mouse.move(cx, cy, { steps: DRAG_STEPS });
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    // The first interval spans the set-up; drop it.
    return w.__frames.slice(1);
  });
  return { ...timing, frames, ...(drawn as { themes: number; links: number }) };
}

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = normalize(join(webDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(webDir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolvePromise) => server.listen(0, '127.0.0.1', () => resolvePromise(server)));
}

function build(): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`vite build exited with ${code}`)),
    );
  });
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

function mean(values: number[]): number {
  return values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
}

function fmt(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}
