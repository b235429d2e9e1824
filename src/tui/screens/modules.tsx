import { placeholder } from './placeholder.js';

export const modules = placeholder('modules', 'Modules');
