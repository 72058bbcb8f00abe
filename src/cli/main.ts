// `nn-playground`: the headless trainer for terminals and CI. Wiring only: arguments → command →
// exit code. Every failure is a one-line message; a stack trace would be a bug.

import { parseArgs, USAGE } from './args';
import { biasVariance } from './commands/bias-variance';
import { check } from './commands/check';
import { exportCommand } from './commands/export';
import { gradcheck } from './commands/gradcheck';
import { train } from './commands/train';
import { FileError } from './files';
import { processOutput, type Output } from './output';

export function main(argv: readonly string[], io: Output = processOutput): number {
  const parsed = parseArgs(argv);
  if ('usageError' in parsed) {
    io.err(`nn-playground: ${parsed.usageError}\n\n${USAGE}`);
    return 2;
  }
  try {
    switch (parsed.command) {
      case 'help':
        io.out(USAGE);
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
    io.err(`nn-playground: internal error: ${error instanceof Error ? error.message : String(error)} (please report this with the model file)`);
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
