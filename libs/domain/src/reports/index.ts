/** Statistics and exports: report periods in China Standard Time, the four forms, what a viewer's report shows. */
export * from './period';
export * from './four-forms';
export * from './report-view';
