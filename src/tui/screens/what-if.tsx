import { placeholder } from './placeholder.js';

export const whatIf = placeholder('what-if', 'What-if');
