// The playground panel's public face: extension.ts calls `registerPlaygroundPanel(context, sessions)`
// once (it registers the `nnPlayground.openPanel` command and the panel serializer).

export { registerPlaygroundPanel, OPEN_PANEL_COMMAND } from './register';
export { PANEL_VIEW_TYPE } from './playground-panel';
export { ExperimentResults } from './experiment-results';
