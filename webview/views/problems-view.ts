// View 7: the model's problems (parse, static and live), each a link that reveals its range in
// the editor.

import type { Change, PanelState } from '../../src/shared/view-models/panel-state';
import { problemLocation, problemsSummary, sortedProblems } from '../../src/shared/view-models/problems-view';
import type { FromWebview } from '../../src/shared/protocol/webview-messages';
import { h, TextSummary, replaceChildrenWith, type Announcer } from '../dom';
import type { View } from './view';
import { t } from '../../src/shared/l10n';

/** Codicons (the bundled font), as VS Code's own Problems panel shows them. */
const ICON = { error: 'error', warning: 'warning', info: 'info' } as const;

export class ProblemsView implements View {
  readonly id = 'problems';
  readonly title = t('Problems');
  readonly body: HTMLElement;
  readonly summary = new TextSummary(500);
  private readonly list = h('ul', { className: 'problems' });
  private readonly none = h('p', { className: 'note' }, t('No problems: the model is well-formed and training looks healthy.'));
  private signature = '';

  constructor(
    private readonly post: (m: FromWebview) => void,
    private readonly announcer: Announcer,
  ) {
    this.body = h('div', {}, this.none, this.list, this.summary.element);
  }

  render(state: PanelState, changes: ReadonlySet<Change>): void {
    if (!changes.has('problems')) return;
    const problems = sortedProblems(state.problems);
    const signature = JSON.stringify(problems);
    if (signature === this.signature) return;
    this.signature = signature;
    this.none.hidden = problems.length > 0;
    replaceChildrenWith(
      this.list,
      problems.map((p) => {
        const link = h(
          'a',
          { href: '#', className: `problem-link ${p.severity}`, 'data-line': p.line, 'data-code': p.code, title: t('Show in the editor') },
          h('span', { className: `severity codicon codicon-${ICON[p.severity]}`, role: 'img', 'aria-label': p.severity }),
          ` ${p.message} `,
          h('span', { className: 'where' }, `${p.code} · ${problemLocation(p)}${p.source === 'live' ? ' · live' : ''}`),
        );
        link.addEventListener('click', (e) => {
          e.preventDefault();
          this.post({ type: 'reveal-problem', line: p.line, character: p.character });
        });
        return h('li', {}, link);
      }),
    );
    this.summary.set(problemsSummary(problems));
    this.announcer.say(problemsSummary(problems));
  }

  destroy(): void {
    this.signature = '';
  }
}
