import type { AnyScreen } from '../screen.js';
import { clusters } from './clusters.js';
import { cycles } from './cycles.js';
import { modules } from './modules.js';
import { overview } from './overview.js';
import { path } from './path.js';
import { privateImports } from './private.js';
import { whatIf } from './what-if.js';

/** The screens in tab order (their numbers are their keys). */
export const SCREENS: readonly AnyScreen[] = [overview, cycles, privateImports, modules, path, clusters, whatIf];
