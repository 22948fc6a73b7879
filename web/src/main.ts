/** Entry point: the explorer against /graphql, or the synthetic benchmark map with ?bench=THEMESxEDGES. */
import './styles/app.css';
import './shell/reflow.css';
import './views/views.css';
import { GraphQLClient } from './api/client.ts';
import { sessionTokens } from './api/tokens.ts';
import { App } from './app.ts';
import { parseBenchSize, syntheticNetwork } from './bench/synthetic.ts';
import { syntheticApi } from './bench/synthetic-api.ts';

declare global {
  interface Window {
    /** A handle for notebooks, debugging and the browser tests. */
    threadline?: App;
  }
}

const params = new URLSearchParams(location.search);
const bench = parseBenchSize(params.get('bench'));
const api = bench
  ? syntheticApi(syntheticNetwork(bench.themes, bench.edges))
  : new GraphQLClient('/graphql', sessionTokens);
if (bench) {
  // The view state (e.g. webgl=1) stays; only the benchmark switch leaves the address.
  params.delete('bench');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
}
const mount = document.getElementById('app');
if (!mount) throw new Error('index.html lacks <div id="app">');
const app = new App(api, mount);
window.threadline = app;
void app.start();
