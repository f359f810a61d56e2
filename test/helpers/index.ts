/**
 * The test harness: runs the package's nodes with n8n's real execution engine (n8n-core's
 * `WorkflowExecute` and node execution contexts) against the project's Yuki sandbox.
 *
 *   runYukiNode({ parameters, items, credentials, continueOnFail, timezone })  one node run
 *   runWorkflow({ nodes, connections, settings }, { credentials, startItems })  several nodes
 *   pollTrigger({ parameters, credentials, staticData, mode })                  one poll
 *   loadOptions / listSearch / testCredential                                   editor methods
 *   withSandbox(fn) / sandboxPerSuite(use) / startTestSandbox() / sandboxCredentials(sandbox) the sandbox
 */
export type { LogLine } from './engine';
export { lastMethodLogs, listSearch, loadOptions, testCredential } from './methods';
export type { MethodOptions } from './methods';
export { SET_NODE_TYPE, START_NODE_TYPE, YUKI_NODE_TYPE, YUKI_TRIGGER_NODE_TYPE } from './nodeTypes';
export type { BinaryInput, TestItem } from './nodeTypes';
export { pollTrigger, YUKI_TRIGGER_NODE_NAME } from './pollTrigger';
export type { PollRun, PollTriggerOptions } from './pollTrigger';
export { runWorkflow, runYukiNode, YUKI_NODE_NAME } from './runWorkflow';
export type { NodeRun, RunWorkflowOptions, RunYukiNodeOptions, WorkflowDefinition, WorkflowRun, YukiCredentialData } from './runWorkflow';
export { sandboxCredentials, sandboxPerSuite, startTestSandbox, withSandbox } from './sandbox';
export type { RunningSandbox } from './sandbox';
