// The generated data's class names, written once: the generators label their classes with these
// (English, as data: the PyTorch export writes them, the same in every language), and the panel
// shows them in the UI's language through classLabel. Kept apart from the generators so the
// webview can say them without bundling the generators.

import { t } from '../../shared/l10n';

export const CLASS_NAMES = {
  circle: ['ring', 'disc'],
  gaussian: ['lower left', 'upper right'],
  moons: ['upper moon', 'lower moon'],
} as const;

/** Generators whose classes are numbered: `arm 1`, `arm 2`, … */
export const NUMBERED_CLASSES = { spiral: 'arm', blobs: 'blob' } as const;

const LABELS: Readonly<Record<string, () => string>> = {
  ring: () => t('ring'),
  disc: () => t('disc'),
  'lower left': () => t('lower left'),
  'upper right': () => t('upper right'),
  'upper moon': () => t('upper moon'),
  'lower moon': () => t('lower moon'),
};

/** A class name in the UI's language: a generator's own names translated, any other (a CSV's labels) as it is. */
export function classLabel(name: string): string {
  const numbered = /^(\S+) (\d+)$/.exec(name);
  if (numbered?.[1] === NUMBERED_CLASSES.spiral) return t('arm {k}', { k: numbered[2]! });
  if (numbered?.[1] === NUMBERED_CLASSES.blobs) return t('blob {k}', { k: numbered[2]! });
  return LABELS[name]?.() ?? name;
}
