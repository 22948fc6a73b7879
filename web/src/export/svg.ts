/** A standalone SVG of the current drawing with its title, filter caption and legend. No external resources. */
import { fitInside, frame, wrapText } from './composition.ts';
import { type Scene, type SceneNode, type SceneShape, sceneBounds, shapePoints } from './scene.ts';
import { layoutSceneLabels, type PlacedText } from './svg-labels.ts';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

export function sceneToSvg(scene: Scene, width = 1920, height = 1080): string {
  const f = frame(width, height);
  const t = fitInside(sceneBounds(scene), f.drawing);
  const titleSize = Math.round(height * 0.036);
  const captionSize = Math.round(height * 0.02);
  const captionLines = wrapText(scene.caption, Math.floor(f.header.width / (captionSize * 0.55)), 2);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${attr(FONT)}">`,
    `<title>${text(scene.title)}</title>`,
    `<desc>${text(scene.caption)}</desc>`,
    `<rect width="100%" height="100%" fill="${attr(scene.background)}"/>`,
    `<text x="${f.header.x}" y="${f.header.y + titleSize}" font-size="${titleSize}" font-weight="700" fill="${attr(scene.ink)}">${text(scene.title)}</text>`,
  );
  captionLines.forEach((line, i) => {
    const y = f.header.y + titleSize + captionSize * 1.7 * (i + 1);
    out.push(
      `<text x="${f.header.x}" y="${num(y)}" font-size="${captionSize}" fill="${attr(scene.ink)}">${text(line)}</text>`,
    );
  });
  out.push(
    `<g transform="translate(${num(t.dx)} ${num(t.dy)}) scale(${num(t.scale)})">`,
    '<g stroke-linecap="round">',
  );
  for (const e of scene.edges) {
    out.push(
      `<line x1="${num(e.x1)}" y1="${num(e.y1)}" x2="${num(e.x2)}" y2="${num(e.y2)}" stroke="${attr(e.colour)}" stroke-width="${num(e.width)}" stroke-opacity="${num(e.opacity)}"/>`,
    );
  }
  out.push('</g><g>');
  scene.nodes.forEach((n, i) => {
    out.push(nodeSvg(n, i));
  });
  out.push('</g></g>');
  // Labels are laid out in the picture's coordinates, so none overlaps another label or a circle.
  const labels = layoutSceneLabels(
    scene.nodes,
    (x, y) => ({ x: t.dx + x * t.scale, y: t.dy + y * t.scale }),
    t.scale,
    {
      x1: f.drawing.x,
      y1: f.drawing.y,
      x2: f.drawing.x + f.drawing.width,
      y2: f.drawing.y + f.drawing.height,
    },
  );
  out.push('<g class="labels">', ...labels.map((l) => labelSvg(l, scene.ink)), '</g>');
  out.push(...legendSvg(scene, f.legend, height));
  out.push(
    `<text x="${f.header.x}" y="${f.footerY}" font-size="${Math.round(height * 0.015)}" fill="${attr(scene.ink)}" opacity="0.75">${text(scene.footer)}</text>`,
    '</svg>',
  );
  return out.join('\n');
}

function nodeSvg(n: SceneNode, index: number): string {
  const paint = n.region
    ? `fill="${attr(n.fill)}" fill-opacity="0.08" stroke="${attr(n.fill)}" stroke-opacity="0.55" stroke-width="1.5"`
    : `fill="${attr(n.fill)}" stroke="${attr(n.stroke)}" stroke-width="1.5"`;
  return shapeSvg(
    n.region ? 'round-rectangle' : n.shape,
    n.x,
    n.y,
    n.width,
    n.height,
    `${paint} data-node="${index}"`,
  );
}

function labelSvg(l: PlacedText, ink: string): string {
  const lines = l.lines
    .map(
      (line, i) => `<tspan x="${num(l.x)}" dy="${i === 0 ? 0 : num(l.fontSize * 1.2)}">${text(line)}</tspan>`,
    )
    .join('');
  return `<text class="${l.region ? 'region-label' : 'label'}" data-node="${l.node}" x="${num(l.x)}" y="${num(l.y)}" font-size="${num(l.fontSize)}"${l.region ? ' font-weight="700"' : ''} text-anchor="${l.anchor}" fill="${attr(ink)}" stroke="#ffffff" stroke-width="${num(l.fontSize / 5)}" stroke-linejoin="round" paint-order="stroke">${lines}</text>`;
}

function shapeSvg(shape: SceneShape, x: number, y: number, w: number, h: number, paint: string): string {
  const points = shapePoints(shape, x, y, w, h);
  if (points)
    return `<polygon points="${points.map(([px, py]) => `${num(px)},${num(py)}`).join(' ')}" ${paint}/>`;
  if (shape === 'ellipse')
    return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(h / 2)}" ${paint}/>`;
  const r = shape === 'round-rectangle' ? Math.min(w, h) * 0.2 : 0;
  return `<rect x="${num(x - w / 2)}" y="${num(y - h / 2)}" width="${num(w)}" height="${num(h)}" rx="${num(r)}" ${paint}/>`;
}

function legendSvg(scene: Scene, box: { x: number; y: number; width: number }, height: number): string[] {
  const size = Math.round(height * 0.017);
  const row = size * 1.9;
  const out = [
    `<text x="${box.x}" y="${box.y + size}" font-size="${Math.round(size * 1.15)}" font-weight="700" fill="${attr(scene.ink)}">${text(scene.legendTitle)}</text>`,
  ];
  let y = box.y + size + row;
  const maxChars = Math.floor((box.width - size * 2) / (size * 0.52));
  for (const entry of scene.legend) {
    out.push(shapeSvg(entry.shape, box.x + size / 2, y - size / 3, size, size, `fill="${attr(entry.fill)}"`));
    out.push(
      `<text x="${num(box.x + size * 1.6)}" y="${num(y)}" font-size="${size}" fill="${attr(scene.ink)}">${text(wrapText(entry.label, maxChars, 1)[0] ?? '')}</text>`,
    );
    y += row;
  }
  y += row / 2;
  for (const note of scene.legendNotes) {
    for (const line of wrapText(note, maxChars, 3)) {
      out.push(
        `<text x="${box.x}" y="${num(y)}" font-size="${Math.round(size * 0.9)}" fill="${attr(scene.ink)}">${text(line)}</text>`,
      );
      y += row * 0.85;
    }
    y += row / 3;
  }
  return out;
}

export function text(value: string): string {
  return withoutControlCharacters(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** XML 1.0 forbids most C0 control characters even when escaped; tab, newline and return may stay. */
function withoutControlCharacters(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    if (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) out += ch;
  }
  return out;
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}

function num(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : '0';
}
