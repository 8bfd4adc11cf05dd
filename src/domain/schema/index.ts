export * from './formats';
export * from './checker';
export * from './validator';
export * from './defaults';
export * from './paths';
export * from './realize';
export * from './references';
export { formatPath } from './json-path';
export { isUnionNode, selectUnionBranch, type BranchSelection } from './nodes';
