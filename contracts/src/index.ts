export * from './generated/index.ts';
export * from './anvil.ts';
export * from './deploy.ts';
export * from './rewardsTree.ts';
