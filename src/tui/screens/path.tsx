import { placeholder } from './placeholder.js';

export const path = placeholder('path', 'Path');
