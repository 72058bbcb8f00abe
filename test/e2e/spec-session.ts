// One code-server session per spec file, shared by its tests, and `step`: a test that leaves a
// screenshot named after it when it fails (the first thing to look at in test-results/).
import { afterAll, beforeAll, test } from 'vitest';
import { startSession, type E2ESession, type SessionOptions } from './code-server-session';

export interface SpecSession {
  /** The running session; throws when beforeAll could not start it. */
  (): E2ESession;
  step(name: string, body: () => Promise<void>, timeoutMs?: number): void;
}

/** Starts the session in beforeAll (then runs `prepare`), disposes of it in afterAll. */
export function specSession(options: SessionOptions = {}, prepare?: (session: E2ESession) => void | Promise<void>): SpecSession {
  let session: E2ESession | undefined;
  beforeAll(async () => {
    session = await startSession(options);
    await prepare?.(session);
  });
  afterAll(async () => {
    await session?.dispose();
  });
  const current = (): E2ESession => {
    if (!session) throw new Error('the code-server session did not start (see the beforeAll error)');
    return session;
  };
  return Object.assign(current, {
    step(name: string, body: () => Promise<void>, timeoutMs?: number): void {
      test(
        name,
        async () => {
          try {
            await body();
          } catch (error) {
            await session?.screenshot(`failed-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => undefined);
            throw error;
          }
        },
        timeoutMs,
      );
    },
  });
}
