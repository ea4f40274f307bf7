export type { OperationModule, OperationResult, ResourceMap, RunState } from './operations';
export { operationSubtitle, resourceProperties } from './operations';
export { errorOutput, runOperations } from './items';
export type { Batch } from './batch';
export { batchOutputFor, sendOnceForAllItems } from './batch';
