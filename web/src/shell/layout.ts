/** The page skeleton: top bar, filter column, stage (map / case graph / list), evidence column. */
import { h, ICONS, icon } from './dom.ts';

export interface Skeleton {
  root: HTMLElement;
  /** The first link on the page: to the map, or to the view on show. */
  skipLink: HTMLAnchorElement;
  brand: HTMLElement;
  viewMap: HTMLButtonElement;
  viewGraph: HTMLButtonElement;
  viewTrends: HTMLButtonElement;
  viewCompare: HTMLButtonElement;
  viewRecommendations: HTMLButtonElement;
  /** Beside the brand: says when the data shown includes the fictional sample. */
  notice: HTMLElement;
  searchSlot: HTMLElement;
  actions: HTMLElement;
  summary: HTMLElement;
  chips: HTMLElement;
  sidebar: HTMLElement;
  stage: HTMLElement;
  toolbar: HTMLElement;
  mapRegion: HTMLElement;
  mapCanvas: HTMLElement;
  graphRegion: HTMLElement;
  graphCanvas: HTMLElement;
  graphToolbar: HTMLElement;
  /** Holds the trends and comparison views. */
  viewsRegion: HTMLElement;
  tooltip: HTMLElement;
  drawer: HTMLElement;
  drawerToggle: HTMLButtonElement;
  drawerBody: HTMLElement;
  panelSlot: HTMLElement;
}

const MARK = `<svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">
<circle cx="7" cy="9" r="4" fill="#ffffff"/><circle cx="25" cy="8" r="3" fill="#9ec5e8"/>
<circle cx="16" cy="23" r="5" fill="#ffffff"/><path d="M7 9 16 23M25 8 16 23M7 9l18-1" stroke="#9ec5e8" stroke-width="2" fill="none"/></svg>`;

export function skeleton(): Skeleton {
  const brand = h('a', { class: 'brand', href: './', 'aria-label': 'Threadline, home' });
  brand.innerHTML = MARK;
  brand.append(
    h('span', { class: 'brand-name' }, 'Threadline'),
    h('span', { class: 'brand-tag' }, 'Learning from case reviews'),
  );

  const viewMap = h(
    'button',
    { type: 'button', class: 'view-tab', 'aria-pressed': 'true', 'data-testid': 'view-map' },
    icon(ICONS.map, 16),
    'Theme map',
  );
  const viewGraph = h(
    'button',
    { type: 'button', class: 'view-tab', 'aria-pressed': 'false', 'data-testid': 'view-graph' },
    icon(ICONS.graph, 16),
    'Case graph',
  );
  const viewTrends = h(
    'button',
    { type: 'button', class: 'view-tab', 'aria-pressed': 'false', 'data-testid': 'view-trends' },
    icon(ICONS.trend, 16),
    'Trends',
  );
  const viewCompare = h(
    'button',
    { type: 'button', class: 'view-tab', 'aria-pressed': 'false', 'data-testid': 'view-compare' },
    icon(ICONS.compare, 16),
    'Compare',
  );
  const viewRecommendations = h(
    'button',
    { type: 'button', class: 'view-tab', 'aria-pressed': 'false', 'data-testid': 'view-recommendations' },
    icon(ICONS.list, 16),
    'Recommendations',
  );
  const notice = h('div', { class: 'notice-slot' });
  const searchSlot = h('div', { class: 'search-slot' });
  const actions = h('div', { class: 'actions' });
  const summary = h('p', { class: 'summary', 'aria-live': 'polite', 'data-testid': 'summary' });
  const chips = h('div', { class: 'chips', 'aria-label': 'Active filters' });
  const sidebar = h('aside', { class: 'sidebar', 'aria-label': 'Filters', id: 'filters' });
  const toolbar = h('div', { class: 'stage-toolbar', role: 'toolbar', 'aria-label': 'Map controls' });
  const mapCanvas = h('div', {
    class: 'canvas',
    id: 'map-canvas',
    tabindex: '0',
    role: 'application',
    'aria-roledescription': 'theme map',
    'aria-label':
      'Theme map. Arrow keys step through themes by weight, plus and minus zoom, 0 shows the whole map. The list below the map offers the same themes as a table.',
    'data-testid': 'map',
  });
  const tooltip = h('div', { class: 'tooltip', role: 'presentation', hidden: true });
  const mapRegion = h(
    'section',
    { class: 'canvas-wrap', id: 'map-region', 'aria-label': 'Theme map' },
    mapCanvas,
    tooltip,
  );
  const graphCanvas = h('div', {
    class: 'canvas',
    id: 'graph-canvas',
    tabindex: '0',
    role: 'application',
    'aria-roledescription': 'case graph',
    'aria-label': 'Case graph. The list below offers the same nodes.',
    'data-testid': 'case-graph',
  });
  const graphToolbar = h('div', { class: 'graph-toolbar' });
  const graphRegion = h(
    'section',
    { class: 'canvas-wrap', id: 'graph-region', 'aria-label': 'Case graph', hidden: true },
    graphCanvas,
    graphToolbar,
  );
  const viewsRegion = h('div', { class: 'views-region', id: 'views-region', hidden: true });
  const drawerBody = h('div', { class: 'drawer-body', id: 'drawer-body' });
  const drawerToggle = h('button', {
    type: 'button',
    class: 'drawer-toggle',
    'aria-expanded': 'true',
    'aria-controls': 'drawer-body',
  });
  const drawer = h(
    'section',
    { class: 'drawer', 'aria-label': 'List view' },
    h('div', { class: 'drawer-head' }, drawerToggle),
    drawerBody,
  );
  const stage = h(
    'section',
    { class: 'stage', 'aria-label': 'Map' },
    toolbar,
    mapRegion,
    graphRegion,
    viewsRegion,
    drawer,
  );
  const panelSlot = h('div', { class: 'panel-slot' });

  const skipLink = h('a', { class: 'skip-link', href: '#map-canvas' }, 'Skip to the map');
  const root = h(
    'div',
    { class: 'app' },
    skipLink,
    h(
      'header',
      { class: 'topbar' },
      brand,
      notice,
      h(
        'nav',
        { class: 'views', 'aria-label': 'Views' },
        viewMap,
        viewGraph,
        viewTrends,
        viewCompare,
        viewRecommendations,
      ),
      searchSlot,
      actions,
    ),
    h('div', { class: 'subbar' }, summary, chips),
    h('main', { class: 'workspace', id: 'main' }, sidebar, stage, panelSlot),
  );
  return {
    root,
    skipLink,
    brand,
    viewMap,
    viewGraph,
    viewTrends,
    viewCompare,
    viewRecommendations,
    notice,
    searchSlot,
    actions,
    summary,
    chips,
    sidebar,
    stage,
    toolbar,
    mapRegion,
    mapCanvas,
    graphRegion,
    graphCanvas,
    graphToolbar,
    viewsRegion,
    tooltip,
    drawer,
    drawerToggle,
    drawerBody,
    panelSlot,
  };
}
