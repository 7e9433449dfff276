export * from './case-workflow.messages';
export * from './fault-tolerance-review.messages';
export * from './search-attribute-keys';
export * from './reassignment.messages';
