// The browser's stand-in for @temporalio/workflow (aliased in vite.config.mts). libs/contracts defines the
// review steps' Workflow Updates beside their field specs; the web application reads only the specs, so here a
// definition is just its name. Never imported by name from the app's own code.
const definition = (type: string) => (name: string) => ({ type, name });

export const defineQuery = definition('query');
export const defineSignal = definition('signal');
export const defineUpdate = definition('update');
