export * from './common.js';
export * from './localized-text.js';
export * from './values.js';
export * from './entities.js';
export * from './dataset.js';
export * from './signup.js';
