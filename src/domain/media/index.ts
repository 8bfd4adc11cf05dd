export * from './thumbhash';
export * from './tokens';
export * from './realized';
export * from './range';
export * from './serving';
export * from './file-key';
