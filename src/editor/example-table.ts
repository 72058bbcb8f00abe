// The lessons bundled with the extension, written once: which example files exist, in lesson
// order, which walkthrough step opens each, and where each language keeps its copy. New Model from
// Example reads its list from here; the walkthrough's links in package.json, examples/README.md,
// examples/zh-cn/README.md and the folders on disk are checked against it by unit tests, so no
// second list can drift. Pure: no vscode.

/** The languages a lesson is written in. */
export type LessonLanguage = 'en' | 'zh-cn';

/**
 * Where each language keeps its lessons, relative to the extension's root. The Chinese lessons
 * are the same models under the same file names (tested: same parsed model apart from `name`),
 * so a walkthrough link that names a file opens that lesson in either language.
 */
export const LESSON_FOLDERS: Readonly<Record<LessonLanguage, string>> = { en: 'examples', 'zh-cn': 'examples/zh-cn' };

/** One bundled example: its file name and the walkthrough step that opens it. */
export interface ExampleEntry {
  file: string;
  step: string;
}

/** Every bundled example, in lesson order. */
export const EXAMPLE_TABLE: readonly ExampleEntry[] = [
  { file: 'mp-neuron.nn.json', step: 'neuron-perceptron' },
  { file: 'perceptron-and.nn.json', step: 'neuron-perceptron' },
  { file: 'perceptron-xor.nn.json', step: 'neuron-perceptron' },
  { file: 'xor.nn.json', step: 'hidden-layer' },
  { file: 'linear-collapse.nn.json', step: 'activations' },
  { file: 'circle-features.nn.json', step: 'activations' },
  { file: 'deep-sigmoid.nn.json', step: 'vanishing-gradients' },
  { file: 'deep-tanh.nn.json', step: 'vanishing-gradients' },
  { file: 'deep-relu.nn.json', step: 'vanishing-gradients' },
  { file: 'learning-rate-too-high.nn.json', step: 'learning-rate' },
  { file: 'loss-mse.nn.json', step: 'losses' },
  { file: 'loss-cross-entropy.nn.json', step: 'losses' },
  { file: 'iris-softmax.nn.json', step: 'softmax' },
  { file: 'softmax-mse.nn.json', step: 'softmax' },
  { file: 'softmax-cross-entropy.nn.json', step: 'softmax' },
  { file: 'init-zeros.nn.json', step: 'initialisation' },
  { file: 'init-gaussian.nn.json', step: 'initialisation' },
  { file: 'overfitting.nn.json', step: 'overfitting' },
  { file: 'overfitting-l2.nn.json', step: 'overfitting' },
  { file: 'overfitting-dropout.nn.json', step: 'overfitting' },
  { file: 'bias-variance-high-bias.nn.json', step: 'overfitting' },
  { file: 'bias-variance-high-variance.nn.json', step: 'overfitting' },
  { file: 'bias-variance-sweep.nn.json', step: 'overfitting' },
  { file: 'spiral.nn.json', step: 'spiral' },
  { file: 'hand-data.nn.json', step: 'spiral' },
];

/** The lesson language for VS Code's UI language (`vscode.env.language`): Chinese for any `zh…`. */
export function lessonLanguage(uiLanguage: string | undefined): LessonLanguage {
  return uiLanguage?.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}

/** The example's path relative to the extension's root, in a language. */
export function examplePath(language: LessonLanguage, file: string): string {
  return `${LESSON_FOLDERS[language]}/${file}`;
}

/** The walkthrough's steps in order, each with the examples it opens. */
export function walkthroughSteps(): { step: string; files: string[] }[] {
  const steps: { step: string; files: string[] }[] = [];
  for (const entry of EXAMPLE_TABLE) {
    const last = steps[steps.length - 1];
    if (last?.step === entry.step) last.files.push(entry.file);
    else steps.push({ step: entry.step, files: [entry.file] });
  }
  return steps;
}

/**
 * The context key the extension sets once the student has trained one of a walkthrough step's
 * lessons to its end, which that step's `completionEvents` (`onContext:<key>`) wait for. Camel case
 * because a `when` key is read up to the first character it does not expect.
 */
export function stepDoneContextKey(step: string): string {
  return `nnPlayground.lessonTrained.${step.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;
}

/**
 * The walkthrough step whose lesson a model file is: `xor.nn.json`, or `xor-2.nn.json` as New Model
 * from Example names a second copy. Undefined for a model that is no lesson.
 */
export function stepOfModelFile(fileName: string): string | undefined {
  const lesson = fileName.replace(/-\d+(?=\.nn\.json$)/, '');
  return EXAMPLE_TABLE.find((entry) => entry.file === lesson)?.step;
}

/**
 * Lessons compared side by side from one link (the walkthrough's vanishing-gradients step, the
 * Compare view's picker): the same deep net with sigmoid, tanh and ReLU.
 */
export const ACTIVATION_COMPARISON: readonly string[] = ['deep-sigmoid.nn.json', 'deep-tanh.nn.json', 'deep-relu.nn.json'];
