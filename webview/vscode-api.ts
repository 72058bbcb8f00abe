// The webview's side of the channel: typed messages to the extension and the state VS Code keeps
// for the serializer (which document the panel showed, which views were open).

import type { FromWebview, PanelWebviewState as WebviewState } from '../src/shared/protocol/webview-messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
  post(message: FromWebview): void;
  state(): WebviewState;
  updateState(patch: Partial<WebviewState>): void;
}

export function vscodeHost(): Host {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    state: () => (api.getState() as WebviewState | undefined) ?? {},
    updateState: (patch) => api.setState({ ...((api.getState() as WebviewState | undefined) ?? {}), ...patch }),
  };
}
