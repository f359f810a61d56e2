/**
 * The test harness (its engine part lives in scripts/harness/, which the bench shares): runs the package's nodes with n8n's real execution engine (n8n-core's
 * `WorkflowExecute` and node execution contexts) against the project's Yuki sandbox.
 *
 *   runYukiNode({ parameters, items, credentials, continueOnFail, timezone })  one node run
 *   runWorkflow({ nodes, connections, settings }, { credentials, startItems })  several nodes
 *   pollTrigger({ parameters, credentials, staticData, mode })                  one poll
 *   loadOptions / listSearch / testCredential                                   editor methods
 *   withSandbox(fn) / sandboxPerSuite(use) / startTestSandbox() / sandboxCredentials(sandbox) the sandbox
 */
export type { LogLine } from '../../scripts/harness/engine';
export { lastMethodLogs, listSearch, loadOptions, testCredential } from './methods';
export type { MethodOptions } from './methods';
export { harnessNodeDescription, SET_NODE_TYPE, START_NODE_TYPE, YUKI_NODE_TYPE, YUKI_TRIGGER_NODE_TYPE } from '../../scripts/harness/nodeTypes';
export type { BinaryInput, TestItem } from '../../scripts/harness/nodeTypes';
export { pollTrigger, YUKI_TRIGGER_NODE_NAME } from '../../scripts/harness/pollTrigger';
export type { PollRun, PollTriggerOptions } from '../../scripts/harness/pollTrigger';
export { runWorkflow, runYukiNode, YUKI_NODE_NAME } from '../../scripts/harness/runWorkflow';
export type { NodeRun, RunWorkflowOptions, RunYukiNodeOptions, WorkflowDefinition, WorkflowRun, YukiCredentialData } from '../../scripts/harness/runWorkflow';
export { sandboxCredentials, sandboxPerSuite, startTestSandbox, withSandbox } from './sandbox';
export type { RunningSandbox } from './sandbox';
