export * from './evidence-actions';
export * from './media-type';
