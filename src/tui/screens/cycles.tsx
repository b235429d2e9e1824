import { placeholder } from './placeholder.js';

export const cycles = placeholder('cycles', 'Cycles');
