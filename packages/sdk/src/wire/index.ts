export * from './common.js';
export * from './content.js';
