export * from './issues';
export * from './parse';
export * from './flow-screen';
export * from './flow';
export * from './references';
export * from './slugs';
export * from './test-screen';
