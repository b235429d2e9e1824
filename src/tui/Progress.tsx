import { ProgressBar } from '@inkjs/ui';
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { count } from './format.js';

/** Where the analysis is: the stage, and for `parse` the files done of the total since `startedMs` (a `performance.now()` time). */
export interface ProgressSnapshot {
  stage: 'discover' | 'parse' | 'graph' | 'analyze';
  done: number;
  total: number;
  startedMs: number;
  nowMs: number;
}

const STAGES: Record<ProgressSnapshot['stage'], string> = {
  discover: 'finding Python files and source roots',
  parse: 'parsing',
  graph: 'building the import graph',
  analyze: 'finding cycles and private imports',
};

/** Files per second and seconds left at that rate (null before a rate can be told). */
export function rate(p: ProgressSnapshot): { perSecond: number; secondsLeft: number } | null {
  const seconds = (p.nowMs - p.startedMs) / 1000;
  if (p.done === 0 || seconds <= 0) return null;
  const perSecond = p.done / seconds;
  return { perSecond, secondsLeft: (p.total - p.done) / perSecond };
}

/**
 * What `pyseam tui` shows while it analyzes: the directory, the stage, and while parsing a
 * bar with files done of the total, files per second and the time left (the same
 * `ProgressEvent`s that drive the plain progress bar of the other commands).
 */
export function Progress(props: { origin: string; progress: ProgressSnapshot; width: number }): ReactNode {
  const p = props.progress;
  const r = rate(p);
  const percent = p.total ? Math.round((100 * p.done) / p.total) : 0;
  return (
    <Box flexDirection="column" width={Math.min(props.width, 100)}>
      <Text wrap="truncate-end">{`pyseam: analyzing ${props.origin}`}</Text>
      <Text>{STAGES[p.stage]}</Text>
      {p.stage === 'parse' && (
        <>
          <ProgressBar value={percent} />
          <Text wrap="truncate-end">
            {`${count(p.done)}/${count(p.total)} files  ${r ? `${count(Math.round(r.perSecond))} files/s  ${Math.ceil(r.secondsLeft)} s left` : ''}`}
          </Text>
        </>
      )}
    </Box>
  );
}
