/** Creating Cytoscape instances with the renderer settings that keep big graphs smooth. */
import cytoscape, { type Core, type CytoscapeOptions, type StylesheetJson } from 'cytoscape';

/** Cytoscape >= 3.31 accepts an experimental WebGL renderer flag its type definitions do not know yet. */
interface RendererOptions {
  renderer?: { name: 'canvas'; webgl?: boolean; webglDebug?: boolean };
}

export interface CanvasOptions {
  container: HTMLElement;
  style: StylesheetJson;
  webgl: boolean;
  /** Large graphs draw a texture while panning and drop edges during viewport moves. */
  large: boolean;
}

export function createCytoscape(options: CanvasOptions): Core {
  const config: CytoscapeOptions & RendererOptions = {
    container: options.container,
    style: options.style,
    elements: [],
    layout: { name: 'preset' },
    minZoom: 0.05,
    maxZoom: 6,
    boxSelectionEnabled: false,
    selectionType: 'single',
    autoungrabify: false,
    textureOnViewport: options.large,
    hideEdgesOnViewport: options.large,
    hideLabelsOnViewport: options.large,
    motionBlur: false,
    pixelRatio: 'auto',
  };
  if (options.webgl) config.renderer = { name: 'canvas', webgl: true };
  return cytoscape(config);
}

/** Unquoted: Cytoscape's style parser rejects quoted family names. */
export const FONT_STACK = 'system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif';
