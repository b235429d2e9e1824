import { placeholder } from './placeholder.js';

export const clusters = placeholder('clusters', 'Clusters');
