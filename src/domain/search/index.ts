export * from './types';
export * from './filters';
export * from './sort';
export * from './cursor';
export * from './request';
export * from './resources';
