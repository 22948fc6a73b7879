/** The Export menu: composed PNG and SVG, CSV of what is visible, and the server's GraphML / GEXF links. */
import type { Core } from 'cytoscape';
import type { MapModel } from '../map/map-model.ts';
import { download } from '../shell/clipboard.ts';
import { h, ICONS } from '../shell/dom.ts';
import { disclosure, menuItem } from '../shell/menu.ts';
import type { ViewState } from '../state/view-state.ts';
import { edgesCsv, nodesCsv } from './csv.ts';
import { exportName, exportUrl, type ServerExport } from './export-url.ts';
import { composedPng, type Framing, sceneFromCy } from './exporter.ts';
import type { LegendEntry } from './scene.ts';
import { sceneToSvg } from './svg.ts';

export interface ExportHost {
  state(): ViewState;
  cy(): Core;
  model(): MapModel;
  caption(): string;
  legend(): { title: string; entries: LegendEntry[]; notes: string[] };
  toast(message: string): void;
}

export class ExportActions {
  private readonly links: Array<[HTMLAnchorElement, ServerExport]> = [];

  constructor(private readonly host: ExportHost) {}

  menu(): HTMLElement {
    const link = (file: ServerExport, label: string, hint: string) => {
      const a = h(
        'a',
        {
          class: 'menu-item',
          href: '#',
          download: '',
          'data-testid': `export-${file}`,
          'data-closes-menu': '',
        },
        h('span', {}, label),
        h('span', { class: 'menu-hint' }, hint),
      );
      a.addEventListener('focus', () => this.refreshLinks());
      a.addEventListener('mouseenter', () => this.refreshLinks());
      this.links.push([a, file]);
      return a;
    };
    const menu = disclosure(
      'Export',
      ICONS.download,
      'export-menu',
      [
        h('p', { class: 'menu-heading' }, 'Pictures'),
        menuItem('PNG image', () => void this.png(), 'export-png', '1920 × 1080, with legend'),
        menuItem('SVG drawing', () => this.svg(), 'export-svg', 'scalable, for reports'),
        h('p', { class: 'menu-heading' }, 'Data on the map'),
        menuItem('Themes (CSV)', () => this.csv('nodes'), 'export-csv-nodes', 'visible themes'),
        menuItem('Links (CSV)', () => this.csv('edges'), 'export-csv-edges', 'visible links'),
        link('graph.graphml', 'GraphML', 'for Gephi, yEd, networkx'),
        link('graph.gexf', 'GEXF', 'for Gephi'),
      ],
      { testid: 'export-menu' },
    );
    menu.root.querySelector('button')?.addEventListener('click', () => this.refreshLinks());
    return menu.root;
  }

  private refreshLinks(): void {
    const s = this.host.state();
    for (const [a, file] of this.links) {
      a.href = exportUrl(file, s.filters, s.minShared);
      a.download = exportName('themes', file.split('.').pop() ?? 'xml', s.filters);
    }
  }

  private framing(): Framing {
    const s = this.host.state();
    const legend = this.host.legend();
    const url = location.href.length > 140 ? `${location.href.slice(0, 139)}…` : location.href;
    return {
      title: s.view === 'graph' ? 'Threadline · case graph' : 'Threadline · theme map',
      caption: this.host.caption(),
      legendTitle: legend.title,
      legend: legend.entries,
      legendNotes: legend.notes,
      footer: `Exported ${new Date().toISOString().slice(0, 10)} · ${url}`,
      background: '#ffffff',
      ink: '#0b0c0c',
      labelField: s.view === 'graph' ? 'short' : 'label',
    };
  }

  private stem(): string {
    return this.host.state().view === 'graph' ? 'case-graph' : 'theme-map';
  }

  async png(): Promise<void> {
    try {
      const blob = await composedPng(this.host.cy(), this.framing());
      download(exportName(this.stem(), 'png', this.host.state().filters), blob);
    } catch (e) {
      this.host.toast(`The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  svg(): void {
    const svg = sceneToSvg(sceneFromCy(this.host.cy(), this.framing()));
    download(
      exportName(this.stem(), 'svg', this.host.state().filters),
      new Blob([svg], { type: 'image/svg+xml' }),
    );
  }

  csv(kind: 'nodes' | 'edges'): void {
    const model = this.host.model();
    const labels = new Map(model.nodes.map((n) => [n.id, n.label]));
    const text = kind === 'nodes' ? nodesCsv(model.nodes) : edgesCsv(model.edges, labels);
    download(
      exportName(kind === 'nodes' ? 'themes' : 'links', 'csv', this.host.state().filters),
      new Blob([text], { type: 'text/csv;charset=utf-8' }),
    );
  }
}
