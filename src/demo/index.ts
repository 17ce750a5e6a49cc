/** Demo data: a deterministic, streamed generator of a staffing company's tables as CSV. */
export { generateDemo, DEFAULT_DEMO_SEED } from './generate-demo.js';
export type { DemoOptions, DemoTableFile } from './generate-demo.js';
export { DEMO_TABLES, demoTableSizes } from './sizes.js';
export type { DemoScale, DemoTable } from './sizes.js';
export { loadDemo, type LoadDemoOptions } from './load-demo.js';
