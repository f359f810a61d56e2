import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { RunContext } from '../helpers/runContext';

/**
 * One operation: its fields and its execute. An operation gets all input items at once so that
 * it can batch them into as few Yuki calls as possible; it returns at least one output item per
 * input item (a result or, under Continue On Fail, an error), each with `pairedItem`.
 */
export interface YukiOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[], context: RunContext): Promise<INodeExecutionData[]>;
	/** With a "Simplify" field: the compact item of one result (helpers/presentation.ts applies it). */
	simplify?(json: IDataObject): IDataObject;
	/**
	 * Every result item's JSON is a new object of this run, shared with nothing (no input item, no
	 * cache): the router completes it in place instead of copying it (a large run has 10,000s).
	 */
	freshOutput?: boolean;
}
