/**
 * Drives a program in a real terminal: a detached tmux session of a given size, keys sent
 * with `send-keys`, the screen read with `capture-pane`. Used by test/tui-e2e.test.ts (on the
 * sample) and scripts/tui-e2e.ts (on a real tree). Needs tmux on PATH (`hasTmux()`).
 */
import { execFileSync, spawnSync } from 'node:child_process';

export const hasTmux = (): boolean => spawnSync('tmux', ['-V']).status === 0;

export class TmuxSession {
  private constructor(readonly name: string, private readonly socket: string) {}

  /** Starts `command` (a shell command line) in a new session of `columns` x `rows`, with `env` added. */
  static start(command: string, options: { columns: number; rows: number; cwd: string; env?: Record<string, string> }): TmuxSession {
    const name = `pyseam-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const session = new TmuxSession(name, name);
    const env = Object.entries(options.env ?? {}).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    // The shell stays after the command ends so its exit status and last screen can be read.
    session.tmux('new-session', '-d', '-s', name, '-x', String(options.columns), '-y', String(options.rows), '-c', options.cwd, ...env,
      `${command}; echo "[exit $?]"; sleep 600`);
    return session;
  }

  /** Sends keys as tmux names them (`Tab`, `Enter`, `Escape`, `Down`, `C-c`) or literal text with `literal`. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  text(literal: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', literal);
  }

  /** The visible screen as text; with `escapes`, with its colour and style escape sequences. */
  capture(escapes = false): string {
    return this.tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.name);
  }

  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows));
  }

  /** Polls the screen until `expected` shows (a substring, a pattern, or a test of the screen); returns the screen and the wait in ms. @throws Error with the last screen on timeout. */
  async waitFor(expected: string | RegExp | ((screen: string) => boolean), timeoutMs = 20_000): Promise<{ screen: string; ms: number }> {
    const start = performance.now();
    for (;;) {
      const screen = this.capture();
      const found = typeof expected === 'string' ? screen.includes(expected) : typeof expected === 'function' ? expected(screen) : expected.test(screen);
      if (found) return { screen, ms: performance.now() - start };
      if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${String(expected)}; screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}
