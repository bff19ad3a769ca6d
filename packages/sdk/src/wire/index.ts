export * from './common.js';
export * from './content.js';
export * from './admin.js';
