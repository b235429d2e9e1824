import type { ProgressEvent } from './analyze.js';

/** The progress callback and the call that clears the bar. */
export interface ProgressView {
  onProgress: (event: ProgressEvent) => void;
  stop: () => void;
}

/**
 * The `analyze` progress callback as a progress bar on standard error (files parsed,
 * files per second, time left), shown only when standard error is a terminal so CI
 * logs and pipes stay clean. `stop()` clears it before the report is written.
 * cli-progress is loaded only for a terminal: a run in CI or a hook does not pay for it.
 */
export async function progressBar(stream: NodeJS.WriteStream = process.stderr): Promise<ProgressView> {
  if (!stream.isTTY) return { onProgress: () => {}, stop: () => {} };
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    stream,
    clearOnComplete: true,
    hideCursor: true,
    format: 'parsing {bar} {value}/{total} files  {speed} files/s  ETA {eta_formatted}',
  });
  let started = 0;
  let drawn = 0;
  let running = false;
  return {
    onProgress(event) {
      if (event.stage !== 'parse') return;
      if (!running) {
        running = true;
        started = performance.now();
        bar.start(event.total, 0, { speed: '0' });
      }
      // Files come one by one or a batch at a time (worker threads): redraw at most every 100 ms.
      const now = performance.now();
      if (now - drawn >= 100 || event.done === event.total) {
        drawn = now;
        const seconds = (performance.now() - started) / 1000;
        bar.update(event.done, { speed: seconds > 0 ? Math.round(event.done / seconds).toString() : '0' });
      }
    },
    stop() {
      if (running) bar.stop();
    },
  };
}
