/**
 * The Export menu: composed PNG and SVG, and the themes and links on the map as CSV, GraphML and GEXF.
 * Every file holds what the view shows, under its filters, link thresholds and room-safe floor.
 */
import type { Core } from 'cytoscape';
import type { MapModel } from '../map/map-model.ts';
import { download } from '../shell/clipboard.ts';
import { h, ICONS } from '../shell/dom.ts';
import { disclosure, menuItem } from '../shell/menu.ts';
import type { ViewState } from '../state/view-state.ts';
import { edgesCsv, nodesCsv } from './csv.ts';
import { exportName } from './export-url.ts';
import { composedPng, type Framing, sceneFromCy } from './exporter.ts';
import { gexfOf, graphmlOf } from './graph-files.ts';
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
  constructor(private readonly host: ExportHost) {}

  menu(): HTMLElement {
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
        menuItem('GraphML', () => this.graph('graphml'), 'export-graph.graphml', 'for Gephi, yEd, networkx'),
        menuItem('GEXF', () => this.graph('gexf'), 'export-graph.gexf', 'for Gephi'),
      ],
      { testid: 'export-menu' },
    );
    return menu.root;
  }

  /** The map's themes and links as a graph file, described by the map's caption. */
  graph(format: 'graphml' | 'gexf'): void {
    const model = this.host.model();
    const description = `Threadline theme map: ${this.host.caption()}`;
    const text = format === 'graphml' ? graphmlOf(model, description) : gexfOf(model, description);
    download(
      exportName('themes', format, this.host.state().filters),
      new Blob([text], { type: 'application/xml;charset=utf-8' }),
    );
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
