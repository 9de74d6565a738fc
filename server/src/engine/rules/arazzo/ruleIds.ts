/** Arazzo rule ids: each is emitted where it is named and documented in docs/rules/<id>.md. */
export const SOURCE_UNRESOLVED = 'specgate-arazzo-source-unresolved';
export const SOURCE_NOT_CHECKED = 'specgate-arazzo-source-not-checked';
export const OPERATION_ID = 'specgate-arazzo-operation-id';
export const OPERATION_PATH = 'specgate-arazzo-operation-path';
export const WORKFLOW_ID = 'specgate-arazzo-workflow-id';
export const STEP_PARAMETER = 'specgate-arazzo-step-parameter';
export const REQUIRED_PARAMETER = 'specgate-arazzo-required-parameter';
export const REQUEST_BODY = 'specgate-arazzo-request-body';
export const RESPONSE_BODY_POINTER = 'specgate-arazzo-response-body-pointer';
export const RESPONSE_HEADER = 'specgate-arazzo-response-header';
export const STEP_OUTPUT = 'specgate-arazzo-step-output';
export const WORKFLOW_INPUT = 'specgate-arazzo-workflow-input';
export const STATUS_CODE = 'specgate-arazzo-status-code';
export const ENUM_VALUE = 'specgate-arazzo-enum-value';
export const WORKFLOW_BROKEN = 'specgate-arazzo-workflow-broken';

export const ARAZZO_RULE_IDS = [
  SOURCE_UNRESOLVED, SOURCE_NOT_CHECKED, OPERATION_ID, OPERATION_PATH, WORKFLOW_ID, STEP_PARAMETER, REQUIRED_PARAMETER,
  REQUEST_BODY, RESPONSE_BODY_POINTER, RESPONSE_HEADER, STEP_OUTPUT, WORKFLOW_INPUT, STATUS_CODE, ENUM_VALUE, WORKFLOW_BROKEN,
] as const;
