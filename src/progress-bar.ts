import { SingleBar } from 'cli-progress';
import type { ProgressEvent } from './analyze.js';

/**
 * The `analyze` progress callback as a progress bar on standard error (files parsed,
 * files per second, time left), shown only when standard error is a terminal so CI
 * logs and pipes stay clean. `stop()` clears it before the report is written.
 */
export function progressBar(stream: NodeJS.WriteStream = process.stderr): { onProgress: (event: ProgressEvent) => void; stop: () => void } {
  if (!stream.isTTY) return { onProgress: () => {}, stop: () => {} };
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
