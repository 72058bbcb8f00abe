// The toolbar: Train/Pause, Step, Reset; the learning rate, batch size and regularisation as
// inputs that write back to the .nn.json (the extension turns them into a WorkspaceEdit, so undo
// works and the file stays the single source of truth); the epoch counter and samples/second.

import { REGULARIZATIONS } from '../src/engine/types';
import { checkHyperparameter } from '../src/panel/validate-message';
import type { PanelState } from '../src/panel/view-models/panel-state';
import { epochText, primaryCommand, speedText, stateText } from '../src/panel/view-models/status-view';
import type { FromWebview, HyperparameterField } from '../src/protocol/webview-messages';
import { h, setText } from './dom';

export class Controls {
  readonly element: HTMLElement;
  private readonly primary = h('button', { type: 'button', id: 'train-pause', className: 'primary' }, 'Train');
  private readonly step = h('button', { type: 'button', id: 'step', title: 'Train one epoch' }, 'Step');
  private readonly reset = h('button', { type: 'button', id: 'reset', title: 'Re-initialise from the seed' }, 'Reset');
  private readonly exportButton = h('button', { type: 'button', id: 'export', title: 'Export to PyTorch: a script or notebook that reproduces this run' }, 'Export…');
  private readonly epoch = h('span', { id: 'epoch', className: 'counter', 'data-testid': 'epoch' }, 'epoch 0');
  private readonly speed = h('span', { id: 'speed', className: 'counter' });
  private readonly stateLabel = h('span', { id: 'state', className: 'state', role: 'status', 'aria-live': 'polite' }, 'ready');
  private readonly following = h('p', { className: 'following' });
  private readonly error = h('p', { className: 'input-error', role: 'alert', hidden: true });
  private readonly inputs: Record<HyperparameterField, HTMLInputElement | HTMLSelectElement>;

  constructor(private readonly post: (m: FromWebview) => void) {
    this.inputs = {
      learningRate: h('input', { type: 'number', id: 'lr', min: 0, step: 'any', inputmode: 'decimal' }),
      batchSize: h('input', { type: 'number', id: 'batch', min: 1, step: 1, inputmode: 'numeric' }),
      'regularization.type': h('select', { id: 'reg' }, ...REGULARIZATIONS.map((r) => h('option', { value: r }, r))),
      'regularization.lambda': h('input', { type: 'number', id: 'lambda', min: 0, step: 'any', inputmode: 'decimal' }),
    };
    const field = (label: string, id: string, input: HTMLElement) => h('span', { className: 'field' }, h('label', { for: id }, label), input);
    this.element = h(
      'header',
      { className: 'toolbar' },
      h(
        'div',
        { className: 'toolbar-row', role: 'toolbar', 'aria-label': 'Training' },
        this.primary,
        this.step,
        this.reset,
        this.exportButton,
        this.epoch,
        this.speed,
        this.stateLabel,
      ),
      h(
        'div',
        { className: 'toolbar-row' },
        field('learning rate', 'lr', this.inputs.learningRate),
        field('batch size', 'batch', this.inputs.batchSize),
        field('regularisation', 'reg', this.inputs['regularization.type']),
        field('λ', 'lambda', this.inputs['regularization.lambda']),
      ),
      this.error,
      this.following,
    );
    this.primary.addEventListener('click', () => this.post({ type: 'command', command: this.primary.dataset.command === 'pause' ? 'pause' : 'train' }));
    this.step.addEventListener('click', () => this.post({ type: 'command', command: 'step' }));
    this.reset.addEventListener('click', () => this.post({ type: 'command', command: 'reset' }));
    this.exportButton.addEventListener('click', () => this.post({ type: 'command', command: 'export' }));
    for (const [name, input] of Object.entries(this.inputs) as [HyperparameterField, HTMLInputElement | HTMLSelectElement][]) {
      input.addEventListener('change', () => this.write(name, input));
    }
  }

  private write(field: HyperparameterField, input: HTMLInputElement | HTMLSelectElement): void {
    const value = field === 'regularization.type' ? input.value : Number(input.value);
    const problem = input.value.trim() === '' ? 'a value is needed' : checkHyperparameter(field, value);
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    this.error.hidden = !problem;
    setText(this.error, problem ? `Not written: ${problem}.` : '');
    if (!problem) this.post({ type: 'set-hyperparameter', field, value });
  }

  render(state: PanelState): void {
    const command = primaryCommand(state.state);
    this.primary.dataset.command = command;
    setText(this.primary, command === 'pause' ? 'Pause' : 'Train');
    this.primary.title = command === 'pause' ? 'Pause training' : 'Train (resumes where it stopped)';
    const model = state.model ?? state.lastModel;
    setText(this.epoch, epochText(state.snapshot, model?.training.epochs));
    setText(this.speed, speedText(state.snapshot, state.state));
    setText(this.stateLabel, stateText(state.state, state.message));
    this.stateLabel.dataset.state = state.state;
    const disabled = !state.sessionKey;
    for (const b of [this.primary, this.step, this.reset]) b.disabled = disabled || (b !== this.reset && state.model === null);
    setText(
      this.following,
      state.sessionKey ? `Following the active model: ${model?.fileName ?? fileOf(state.sessionKey)}${model ? ` (“${model.name}”)` : ' (has errors)'}` : 'Open a .nn.json model to see it learn.',
    );
    if (!model) return;
    const t = model.training;
    this.setInput('learningRate', String(t.learningRate));
    this.setInput('batchSize', String(t.batchSize));
    this.setInput('regularization.type', t.regularization.type);
    this.setInput('regularization.lambda', String(t.regularization.lambda));
  }

  /**
   * The file is the truth: inputs follow it, except the one being typed into. (activeElement
   * alone is not enough: it stays on the input after the person moves on to the editor.)
   */
  private setInput(field: HyperparameterField, value: string): void {
    const input = this.inputs[field];
    if ((document.hasFocus() && document.activeElement === input) || input.value === value) return;
    input.value = value;
    input.setAttribute('aria-invalid', 'false');
  }
}

function fileOf(key: string): string {
  return decodeURIComponent(key.slice(key.lastIndexOf('/') + 1));
}
