// `nn-playground`: the headless trainer for terminals and CI. Wiring only: arguments → command →
// exit code. Every failure is a one-line message; a stack trace would be a bug.

import zhCn from '../../l10n/bundle.l10n.zh-cn.json';
import { configureL10n, errorMessage, t } from '../shared/l10n';
import { parseArgs, usage } from './args';
import { biasVariance } from './commands/bias-variance';
import { check } from './commands/check';
import { exportCommand } from './commands/export';
import { gradcheck } from './commands/gradcheck';
import { train } from './commands/train';
import { FileError } from './files';
import { processOutput, type Output } from './output';

/**
 * The language of the messages: `--lang zh-cn|en` (anywhere in the arguments, taken out of them),
 * else the first of LC_ALL, LC_MESSAGES and LANG that is set, as POSIX orders them.
 */
export function pickLanguage(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): { locale: string | undefined; rest: string[] } {
  const rest: string[] = [];
  let locale: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--lang' && i + 1 < argv.length) locale = argv[++i];
    else if (arg.startsWith('--lang=')) locale = arg.slice('--lang='.length);
    else rest.push(arg);
  }
  locale ??= [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return { locale, rest };
}

export function main(argv: readonly string[], io: Output = processOutput, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const { locale, rest } = pickLanguage(argv, env);
  configureL10n({ locale, contents: zhCn });
  const parsed = parseArgs(rest);
  if ('usageError' in parsed) {
    io.err(`nn-playground: ${parsed.usageError}\n\n${usage()}`);
    return 2;
  }
  try {
    switch (parsed.command) {
      case 'help':
        io.out(usage());
        return 0;
      case 'check':
        return check(parsed.file, parsed.json, io, parsed.maxParameters, parsed.allowDataOutside);
      case 'gradcheck':
        return gradcheck(parsed.file, parsed.json, io, parsed.maxParameters, parsed.allowDataOutside);
      case 'train':
        return train(parsed, io);
      case 'export':
        return exportCommand(parsed, io);
      case 'bias-variance':
        return biasVariance(parsed, io);
    }
  } catch (error) {
    if (error instanceof FileError) {
      io.err(`nn-playground: ${error.message}`);
      return 2;
    }
    io.err(`nn-playground: ${t('internal error: {reason} (please report this with the model file)', { reason: errorMessage(error) })}`);
    return 1;
  }
}

// Run only as the entry point, so tests can import `main` without side effects.
if (typeof require !== 'undefined' && require.main === module) {
  // `nn-playground train … | head` closes the pipe early: that is the reader's choice, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  process.exitCode = main(process.argv.slice(2));
}
