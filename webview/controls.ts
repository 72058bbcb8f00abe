// The toolbar: Train/Pause, Step (by an epoch, a minibatch or a sample), Reset, the pace; the learning rate, batch size and regularisation as
// inputs that write back to the .nn.json (the extension turns them into a WorkspaceEdit, so undo
// works and the file stays the single source of truth); the epoch counter and samples/second.

import { REGULARIZATIONS } from '../src/engine/types';
import { checkHyperparameter } from '../src/shared/checks/validate-message';
import { isFieldEditingKey } from '../src/shared/view-models/field-keys';
import type { PanelState } from '../src/shared/view-models/panel-state';
import { epochText, primaryCommand, speedText, stateText } from '../src/shared/view-models/status-view';
import { paceLabel, paceOptions, stepUnitTitle, type StepUnit } from '../src/shared/view-models/pace-view';
import type { FromWebview, HyperparameterField } from '../src/shared/protocol/webview-messages';
import { h, replaceChildrenWith, setText, withChildren, type Announcer } from './dom';
import { t } from '../src/shared/l10n';

/** A codicon (bundled font, dist/webview/codicons/): decoration only, the button's text names it. */
const icon = (name: string) => h('span', { className: `codicon codicon-${name}`, 'aria-hidden': 'true' });

export class Controls {
  readonly element: HTMLElement;
  private readonly primaryIcon = icon('play');
  private readonly primaryLabel = h('span', {}, t('Train'));
  private readonly primary = h('button', { type: 'button', id: 'train-pause', className: 'primary' }, this.primaryIcon, this.primaryLabel);
  private readonly step = h('button', { type: 'button', id: 'step', title: t('Train one epoch') }, icon('debug-step-over'), t('Step'));
  /** What Step trains: an epoch (as the CodeLens Step), one minibatch, or one sample (batch size 1 only). */
  private readonly stepUnit = withChildren(h('select', { id: 'step-unit', 'aria-label': t('Step by'), title: t('What Step trains: an epoch, one minibatch, or one sample (only with batch size 1: a larger minibatch is one update from the mean over its samples).') }), [
    h('option', { value: 'epoch' }, t('epoch')),
    h('option', { value: 'batch' }, t('minibatch')),
    h('option', { value: 'sample' }, t('sample')),
  ]);
  /** Epochs a second while training; the setting nnPlayground.pace is the default of new sessions. */
  private readonly pace = h('select', { id: 'pace', title: t('Epochs a second while training. Above 20 a second, snapshots (at most 20 a second) show several epochs each.') });
  /** The session's pace last shown, so a choice made here is not undone by a render before the host knows it. */
  private shownPace: number | null = null;
  private readonly reset = h('button', { type: 'button', id: 'reset', title: t('Re-initialise from the seed') }, icon('debug-restart'), t('Reset'));
  private readonly exportButton = h('button', { type: 'button', id: 'export', title: t('Export to PyTorch: a script or notebook that reproduces this run') }, icon('export'), t('Export…'));
  private readonly epoch = h('span', { id: 'epoch', className: 'counter', 'data-testid': 'epoch' }, epochText(null, undefined));
  private readonly speed = h('span', { id: 'speed', className: 'counter' });
  // Not live regions: the state and the notices are spoken by the panel's one Announcer.
  private readonly stateLabel = h('span', { id: 'state', className: 'state' }, stateText('idle', null, null));
  private readonly following = h('p', { className: 'following' });
  /** What the session did on its own, and why: a reset for an edit, a pause for errors. */
  private readonly notice = h('p', { id: 'notice', className: 'notice', hidden: true });
  private readonly error = h('p', { className: 'input-error', role: 'alert', hidden: true });
  private readonly inputs: Record<HyperparameterField, HTMLInputElement | HTMLSelectElement>;
  /** The field the error line speaks of, and the model it was typed for; null while it shows none. */
  private errorFor: { field: HyperparameterField; sessionKey: string | null } | null = null;
  private sessionKey: string | null = null;
  /**
   * Each field's text when it was last committed or set from the file, until the next keystroke:
   * Enter and the change event that follows it commit the text once.
   */
  private readonly committed: Partial<Record<HyperparameterField, string>> = {};

  constructor(
    private readonly post: (m: FromWebview) => void,
    private readonly announcer: Announcer,
  ) {
    this.inputs = {
      learningRate: h('input', { type: 'number', id: 'lr', min: 0, step: 'any', inputmode: 'decimal' }),
      batchSize: h('input', { type: 'number', id: 'batch', min: 1, step: 1, inputmode: 'numeric' }),
      'regularization.type': withChildren(h('select', { id: 'reg' }), REGULARIZATIONS.map((r) => h('option', { value: r }, r === 'none' ? t('none') : r))),
      'regularization.lambda': h('input', { type: 'number', id: 'lambda', min: 0, step: 'any', inputmode: 'decimal' }),
    };
    const field = (label: string, id: string, input: HTMLElement) => h('span', { className: 'field' }, h('label', { for: id }, label), input);
    this.element = h(
      'header',
      { className: 'toolbar' },
      h(
        'div',
        { className: 'toolbar-row', role: 'toolbar', 'aria-label': t('Training') },
        this.primary,
        this.step,
        this.stepUnit,
        this.reset,
        this.exportButton,
        this.epoch,
        this.speed,
        this.stateLabel,
      ),
      h(
        'div',
        { className: 'toolbar-row' },
        field(t('learning rate'), 'lr', this.inputs.learningRate),
        field(t('batch size'), 'batch', this.inputs.batchSize),
        field(t('regularisation'), 'reg', this.inputs['regularization.type']),
        field('λ', 'lambda', this.inputs['regularization.lambda']),
        field(t('pace'), 'pace', this.pace),
      ),
      this.error,
      this.notice,
      this.following,
    );
    this.primary.addEventListener('click', () => this.post({ type: 'command', command: this.primary.dataset.command === 'pause' ? 'pause' : 'train' }));
    this.step.addEventListener('click', () => this.post(this.stepUnit.value === 'epoch' ? { type: 'command', command: 'step' } : { type: 'step-batch' }));
    this.stepUnit.addEventListener('change', () => (this.step.title = stepUnitTitle(this.stepUnit.value as StepUnit, this.batchSize)));
    this.pace.addEventListener('change', () => this.post({ type: 'set-pace', epochsPerSecond: Number(this.pace.value) }));
    this.reset.addEventListener('click', () => this.post({ type: 'command', command: 'reset' }));
    this.exportButton.addEventListener('click', () => this.post({ type: 'command', command: 'export' }));
    for (const [name, input] of Object.entries(this.inputs) as [HyperparameterField, HTMLInputElement | HTMLSelectElement][]) {
      input.addEventListener('change', () => this.commit(name, input));
      input.addEventListener('keydown', (e) => {
        if (!(e instanceof KeyboardEvent)) return;
        // The field's editing keys stay in the field (see field-keys.ts): the webview host listens
        // on the window, so stopping them here keeps the workbench from running its own command too.
        if (isFieldEditingKey(e)) e.stopPropagation();
        // Enter commits what the field holds even when the browser fires no change for it (the
        // same text as at the last change, typed again after other text in between).
        else if (e.key === 'Enter') this.commit(name, input);
      });
      // A value that is valid again takes its error away at once, before it is written.
      input.addEventListener('input', () => {
        delete this.committed[name]; // new text: the next Enter or change commits it
        if (this.errorFor?.field === name && !this.problemIn(name, input)) this.clearError(name);
      });
    }
  }

  /** Writes (or refuses) what the field holds, once per text: Enter and the change event both commit. */
  private commit(field: HyperparameterField, input: HTMLInputElement | HTMLSelectElement): void {
    if (this.committed[field] === input.value) return;
    this.committed[field] = input.value;
    this.write(field, input);
  }

  private valueOf(field: HyperparameterField, input: HTMLInputElement | HTMLSelectElement): number | string {
    return field === 'regularization.type' ? input.value : Number(input.value);
  }

  private problemIn(field: HyperparameterField, input: HTMLInputElement | HTMLSelectElement): string | undefined {
    return input.value.trim() === '' ? t('a value is needed') : checkHyperparameter(field, this.valueOf(field, input));
  }

  private write(field: HyperparameterField, input: HTMLInputElement | HTMLSelectElement): void {
    const problem = this.problemIn(field, input);
    if (problem) {
      input.setAttribute('aria-invalid', 'true');
      this.error.hidden = false;
      setText(this.error, t('Not written: {problem}.', { problem }));
      this.errorFor = { field, sessionKey: this.sessionKey };
      return;
    }
    this.clearError(field);
    this.post({ type: 'set-hyperparameter', field, value: this.valueOf(field, input) });
  }

  /** Takes the error line away when it speaks of `field` (or of any field, without one). */
  private clearError(field?: HyperparameterField): void {
    if (field) this.inputs[field].setAttribute('aria-invalid', 'false');
    if (!this.errorFor || (field && this.errorFor.field !== field)) return;
    this.inputs[this.errorFor.field].setAttribute('aria-invalid', 'false');
    this.errorFor = null;
    this.error.hidden = true;
    setText(this.error, '');
  }

  render(state: PanelState): void {
    // An error belongs to the model it was typed for: another model shown takes it away.
    this.sessionKey = state.sessionKey;
    if (this.errorFor && this.errorFor.sessionKey !== state.sessionKey) this.clearError();
    const command = primaryCommand(state.state);
    this.primary.dataset.command = command;
    setText(this.primaryLabel, command === 'pause' ? t('Pause') : t('Train'));
    this.primaryIcon.className = `codicon codicon-${command === 'pause' ? 'debug-pause' : 'play'}`;
    this.primary.title = command === 'pause' ? t('Pause training') : t('Train (resumes where it stopped)');
    const model = state.model ?? state.lastModel;
    setText(this.epoch, epochText(state.snapshot, model?.training.epochs));
    setText(this.speed, speedText(state.snapshot, state.state));
    const stateLine = stateText(state.state, state.message, state.snapshot);
    // Spoken when the state or the notice changes, not when the epoch in the state line moves on.
    if (state.state !== this.stateLabel.dataset.state || (state.notice ?? '') !== (this.notice.textContent ?? '')) {
      this.announcer.say(state.notice ? `${stateLine} ${state.notice}` : stateLine);
    }
    setText(this.stateLabel, stateLine);
    this.notice.hidden = !state.notice;
    setText(this.notice, state.notice ?? '');
    this.stateLabel.dataset.state = state.state;
    const disabled = !state.sessionKey;
    for (const b of [this.primary, this.step, this.reset]) b.disabled = disabled || (b !== this.reset && state.model === null);
    setText(
      this.following,
      !state.sessionKey
        ? t('Open a .nn.json model to see it learn.')
        : model
          ? t('Following the active model: {file} (“{name}”)', { file: model.fileName, name: model.name })
          : t('Following the active model: {file} (has errors)', { file: fileOf(state.sessionKey) }),
    );
    this.renderPace(state.pace);
    if (!model) return;
    const training = model.training;
    this.renderStepUnit(training.batchSize);
    this.setInput('learningRate', String(training.learningRate));
    this.setInput('batchSize', String(training.batchSize));
    this.setInput('regularization.type', training.regularization.type);
    this.setInput('regularization.lambda', String(training.regularization.lambda));
  }

  private batchSize = 0;

  /** "sample" is offered only when a minibatch is one sample: with a larger batch it would be another algorithm. */
  private renderStepUnit(batchSize: number): void {
    if (batchSize === this.batchSize) return;
    this.batchSize = batchSize;
    const sample = this.stepUnit.querySelector<HTMLOptionElement>('option[value="sample"]');
    if (sample) {
      sample.disabled = batchSize !== 1;
      sample.title = stepUnitTitle('sample', batchSize);
    }
    if (batchSize !== 1 && this.stepUnit.value === 'sample') this.stepUnit.value = 'batch';
    this.step.title = stepUnitTitle(this.stepUnit.value as StepUnit, batchSize);
  }

  private renderPace(pace: number): void {
    if (pace === this.shownPace) return;
    this.shownPace = pace;
    const options = paceOptions(pace).map((value) => h('option', { value: String(value) }, paceLabel(value)));
    replaceChildrenWith(this.pace, options);
    this.pace.value = String(pace);
  }

  /**
   * The file is the truth: inputs follow it, except the one being typed into. (activeElement
   * alone is not enough: it stays on the input after the person moves on to the editor.)
   */
  private setInput(field: HyperparameterField, value: string): void {
    const input = this.inputs[field];
    if ((document.hasFocus() && document.activeElement === input) || input.value === value) return;
    input.value = value;
    this.committed[field] = value;
    // The field shows the file's (valid) value again: an error about what was typed there is stale.
    this.clearError(field);
  }
}

function fileOf(key: string): string {
  return decodeURIComponent(key.slice(key.lastIndexOf('/') + 1));
}
