import { placeholder } from './placeholder.js';

export const privateImports = placeholder('private', 'Private');
