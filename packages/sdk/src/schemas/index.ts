export * from './common.js';
export * from './localized-text.js';
export * from './entities.js';
export * from './dataset.js';
export * from './signup.js';
export * from './follow-up.js';
export * from './opportunity.js';
export * from './opportunity-offer.js';
