/**
 * Every change id the engine reports, each written literally once in the sources: grep an id to land here, then
 * grep its constant to find where it is emitted. Ids are never assembled from parts (a test scans the sources).
 * Schema-keyword ids are in SCHEMA_CHANGE_IDS, per kind, direction and location.
 */

export const ID = {
  endpointAdded: 'endpoint-added',
  apiPathRemovedWithoutDeprecation: 'api-path-removed-without-deprecation',
  apiPathRemovedWithDeprecation: 'api-path-removed-with-deprecation',
  apiPathRemovedBeforeSunset: 'api-path-removed-before-sunset',
  apiRemovedWithoutDeprecation: 'api-removed-without-deprecation',
  apiRemovedWithDeprecation: 'api-removed-with-deprecation',
  apiRemovedBeforeSunset: 'api-removed-before-sunset',
  endpointDeprecated: 'endpoint-deprecated',
  endpointDeprecatedWithSunset: 'endpoint-deprecated-with-sunset',
  endpointReactivated: 'endpoint-reactivated',
  apiDeprecatedSunsetMissing: 'api-deprecated-sunset-missing',
  apiDeprecatedSunsetParse: 'api-deprecated-sunset-parse',
  apiSunsetDateTooSmall: 'api-sunset-date-too-small',
  sunsetDeleted: 'sunset-deleted',
  apiSunsetDateChangedTooSmall: 'api-sunset-date-changed-too-small',
  apiSunsetDateChanged: 'api-sunset-date-changed',
  apiStabilityDecreased: 'api-stability-decreased',
  apiInvalidStabilityLevel: 'api-invalid-stability-level',
  apiOperationIdRemoved: 'api-operation-id-removed',
  apiOperationIdAdded: 'api-operation-id-added',
  apiTagRemoved: 'api-tag-removed',
  apiTagAdded: 'api-tag-added',
  newRequiredRequestParameter: 'new-required-request-parameter',
  newOptionalRequestParameter: 'new-optional-request-parameter',
  newRequestPathParameter: 'new-request-path-parameter',
  newRequiredRequestDefaultParameterToExistingPath: 'new-required-request-default-parameter-to-existing-path',
  newOptionalRequestDefaultParameterToExistingPath: 'new-optional-request-default-parameter-to-existing-path',
  requestParameterRemoved: 'request-parameter-removed',
  requestParameterRemovedWithDeprecation: 'request-parameter-removed-with-deprecation',
  requestParameterBecameRequired: 'request-parameter-became-required',
  requestParameterBecameOptional: 'request-parameter-became-optional',
  requestParameterInChanged: 'request-parameter-in-changed',
  requestParameterStyleChanged: 'request-parameter-style-changed',
  requestParameterExplodeChanged: 'request-parameter-explode-changed',
  requestParameterBecameArray: 'request-parameter-became-array',
  requestParameterAllowEmptyValueRemoved: 'request-parameter-allow-empty-value-removed',
  requestParameterAllowEmptyValueAdded: 'request-parameter-allow-empty-value-added',
  requestParameterDeprecated: 'request-parameter-deprecated',
  requestParameterReactivated: 'request-parameter-reactivated',
  requestBodyAddedRequired: 'request-body-added-required',
  requestBodyAddedOptional: 'request-body-added-optional',
  requestBodyRemoved: 'request-body-removed',
  requestBodyBecameRequired: 'request-body-became-required',
  requestBodyBecameOptional: 'request-body-became-optional',
  requestBodyMediaTypeAdded: 'request-body-media-type-added',
  requestBodyMediaTypeRemoved: 'request-body-media-type-removed',
  requestBodyMediaTypeSchemaAdded: 'request-body-media-type-schema-added',
  requestBodyMediaTypeSchemaRemoved: 'request-body-media-type-schema-removed',
  responseSuccessStatusRemoved: 'response-success-status-removed',
  responseNonSuccessStatusRemoved: 'response-non-success-status-removed',
  responseSuccessStatusAdded: 'response-success-status-added',
  responseNonSuccessStatusAdded: 'response-non-success-status-added',
  responseMediaTypeRemoved: 'response-media-type-removed',
  responseMediaTypeAdded: 'response-media-type-added',
  responseMediaTypeNameSpecialized: 'response-media-type-name-specialized',
  responseMediaTypeNameGeneralized: 'response-media-type-name-generalized',
  responseMediaTypeNameChanged: 'response-media-type-name-changed',
  responseMediaTypeParameterAdded: 'response-media-type-parameter-added',
  responseMediaTypeParameterRemoved: 'response-media-type-parameter-removed',
  responseMediaTypeParameterChanged: 'response-media-type-parameter-changed',
  responseBodyMediaTypeSchemaAdded: 'response-body-media-type-schema-added',
  responseBodyMediaTypeSchemaRemoved: 'response-body-media-type-schema-removed',
  responseHeaderAdded: 'response-header-added',
  requiredResponseHeaderRemoved: 'required-response-header-removed',
  optionalResponseHeaderRemoved: 'optional-response-header-removed',
  responseHeaderBecameOptional: 'response-header-became-optional',
  responseHeaderBecameRequired: 'response-header-became-required',
  newRequiredRequestProperty: 'new-required-request-property',
  newRequiredRequestPropertyWithDefault: 'new-required-request-property-with-default',
  newOptionalRequestProperty: 'new-optional-request-property',
  requestPropertyRemoved: 'request-property-removed',
  requestPropertyBecameRequired: 'request-property-became-required',
  requestPropertyBecameOptional: 'request-property-became-optional',
  requestRequiredPropertyBecameNotReadOnly31: 'request-required-property-became-not-read-only-31',
  requestPropertyDeprecated: 'request-property-deprecated',
  requestPropertyReactivated: 'request-property-reactivated',
  newRequiredRequestParameterProperty: 'new-required-request-parameter-property',
  newOptionalRequestParameterProperty: 'new-optional-request-parameter-property',
  requestParameterPropertyRemoved: 'request-parameter-property-removed',
  requestParameterPropertyBecameRequired: 'request-parameter-property-became-required',
  requestParameterPropertyBecameOptional: 'request-parameter-property-became-optional',
  responseRequiredPropertyAdded: 'response-required-property-added',
  responseOptionalPropertyAdded: 'response-optional-property-added',
  responseRequiredPropertyRemoved: 'response-required-property-removed',
  responseOptionalPropertyRemoved: 'response-optional-property-removed',
  responsePropertyBecameOptional: 'response-property-became-optional',
  responsePropertyBecameRequired: 'response-property-became-required',
  responsePropertyDeprecated: 'response-property-deprecated',
  responsePropertyReactivated: 'response-property-reactivated',
  requestBodySchemaBecameFalse: 'request-body-schema-became-false',
  requestBodySchemaBecameNotFalse: 'request-body-schema-became-not-false',
  requestParameterSchemaBecameFalse: 'request-parameter-schema-became-false',
  requestParameterSchemaBecameNotFalse: 'request-parameter-schema-became-not-false',
  responseBodySchemaBecameFalse: 'response-body-schema-became-false',
  responseBodySchemaBecameNotFalse: 'response-body-schema-became-not-false',
  requestPropertySchemaBecameFalse: 'request-property-schema-became-false',
  requestPropertySchemaBecameNotFalse: 'request-property-schema-became-not-false',
  responsePropertySchemaBecameFalse: 'response-property-schema-became-false',
  responsePropertySchemaBecameNotFalse: 'response-property-schema-became-not-false',
  requestOptionalPropertyBecameReadOnly: 'request-optional-property-became-read-only',
  requestOptionalPropertyBecameNotReadOnly: 'request-optional-property-became-not-read-only',
  requestOptionalPropertyBecameWriteOnly: 'request-optional-property-became-write-only',
  requestOptionalPropertyBecameNotWriteOnly: 'request-optional-property-became-not-write-only',
  requestRequiredPropertyBecameReadOnly: 'request-required-property-became-read-only',
  requestRequiredPropertyBecameNotReadOnly: 'request-required-property-became-not-read-only',
  requestRequiredPropertyBecameWriteOnly: 'request-required-property-became-write-only',
  requestRequiredPropertyBecameNotWriteOnly: 'request-required-property-became-not-write-only',
  responseOptionalPropertyBecameReadOnly: 'response-optional-property-became-read-only',
  responseOptionalPropertyBecameNotReadOnly: 'response-optional-property-became-not-read-only',
  responseOptionalPropertyBecameWriteOnly: 'response-optional-property-became-write-only',
  responseOptionalPropertyBecameNotWriteOnly: 'response-optional-property-became-not-write-only',
  responseRequiredPropertyBecameReadOnly: 'response-required-property-became-read-only',
  responseRequiredPropertyBecameNotReadOnly: 'response-required-property-became-not-read-only',
  responseRequiredPropertyBecameWriteOnly: 'response-required-property-became-write-only',
  responseRequiredPropertyBecameNotWriteOnly: 'response-required-property-became-not-write-only',
  requestBodyWrappedInOneOf: 'request-body-wrapped-in-one-of',
  requestBodyWrappedInOneOfOriginalPreserved: 'request-body-wrapped-in-one-of-original-preserved',
  requestBodyWrappedInAnyOf: 'request-body-wrapped-in-any-of',
  requestBodyWrappedInAnyOfOriginalPreserved: 'request-body-wrapped-in-any-of-original-preserved',
  requestPropertyWrappedInOneOf: 'request-property-wrapped-in-one-of',
  requestPropertyWrappedInOneOfOriginalPreserved: 'request-property-wrapped-in-one-of-original-preserved',
  requestPropertyWrappedInAnyOf: 'request-property-wrapped-in-any-of',
  requestPropertyWrappedInAnyOfOriginalPreserved: 'request-property-wrapped-in-any-of-original-preserved',
  responseBodyWrappedInOneOf: 'response-body-wrapped-in-one-of',
  responseBodyWrappedInOneOfOriginalPreserved: 'response-body-wrapped-in-one-of-original-preserved',
  responseBodyWrappedInAnyOf: 'response-body-wrapped-in-any-of',
  responseBodyWrappedInAnyOfOriginalPreserved: 'response-body-wrapped-in-any-of-original-preserved',
  responsePropertyWrappedInOneOf: 'response-property-wrapped-in-one-of',
  responsePropertyWrappedInOneOfOriginalPreserved: 'response-property-wrapped-in-one-of-original-preserved',
  responsePropertyWrappedInAnyOf: 'response-property-wrapped-in-any-of',
  responsePropertyWrappedInAnyOfOriginalPreserved: 'response-property-wrapped-in-any-of-original-preserved',
  apiGlobalSecurityRemoved: 'api-global-security-removed',
  apiGlobalSecurityRemovedNowAnonymous: 'api-global-security-removed-now-anonymous',
  apiGlobalSecurityRequirementRelaxed: 'api-global-security-requirement-relaxed',
  apiGlobalSecurityAdded: 'api-global-security-added',
  apiGlobalSecurityScopeAdded: 'api-global-security-scope-added',
  apiGlobalSecurityScopeRemoved: 'api-global-security-scope-removed',
  apiSecurityRemoved: 'api-security-removed',
  apiSecurityRemovedNowAnonymous: 'api-security-removed-now-anonymous',
  apiSecurityRequirementRelaxed: 'api-security-requirement-relaxed',
  apiSecurityAdded: 'api-security-added',
  apiSecurityScopeAdded: 'api-security-scope-added',
  apiSecurityScopeRemoved: 'api-security-scope-removed',
  apiSecurityComponentAdded: 'api-security-component-added',
  apiSecurityComponentRemoved: 'api-security-component-removed',
  apiSecurityComponentTypeChanged: 'api-security-component-type-changed',
  apiSecurityComponentHttpSchemeChanged: 'api-security-component-http-scheme-changed',
  apiSecurityComponentBearerFormatChanged: 'api-security-component-bearer-format-changed',
  apiSecurityComponentOpenidConnectUrlChanged: 'api-security-component-openid-connect-url-changed',
  apiSecurityComponentApiKeyChanged: 'api-security-component-api-key-changed',
  apiSecurityComponentOauthUrlChanged: 'api-security-component-oauth-url-changed',
  apiSecurityComponentOauthTokenUrlChanged: 'api-security-component-oauth-token-url-changed',
  apiSecurityComponentOauthRefreshUrlChanged: 'api-security-component-oauth-refresh-url-changed',
  apiSecurityComponentOauthScopeAdded: 'api-security-component-oauth-scope-added',
  apiSecurityComponentOauthScopeRemoved: 'api-security-component-oauth-scope-removed',
  apiSecurityComponentOauthScopeChanged: 'api-security-component-oauth-scope-changed',
  apiServerRemoved: 'api-server-removed',
  apiServerAdded: 'api-server-added',
  apiServerVariableEnumValueRemoved: 'api-server-variable-enum-value-removed',
  apiServerVariableEnumValueAdded: 'api-server-variable-enum-value-added',
  apiServerVariableDefaultChanged: 'api-server-variable-default-changed',
  apiSchemaRemoved: 'api-schema-removed',
  webhookAdded: 'webhook-added',
  webhookRemoved: 'webhook-removed',
} as const;

export type ChangeId = (typeof ID)[keyof typeof ID];

export interface LocatedIds {
  body?: string;
  property?: string;
  parameter?: string;
  header?: string;
}

/** A kind's ids per direction; `requestAs`/`responseAs`: the kind reuses another kind's ids in that direction. */
export interface SchemaKindIds {
  request?: LocatedIds;
  response?: LocatedIds;
  requestAs?: string;
  responseAs?: string;
}

/** Structural kinds (keywords that make no sense on parameters and headers) list body and property only. */
export const SCHEMA_CHANGE_IDS: Record<string, SchemaKindIds> = {
  'max-length-decreased': {
    request: { body: 'request-body-max-length-decreased', property: 'request-property-max-length-decreased', parameter: 'request-parameter-max-length-decreased' },
    response: { body: 'response-body-max-length-decreased', property: 'response-property-max-length-decreased', header: 'response-header-max-length-decreased' },
  },
  'max-length-increased': {
    request: { body: 'request-body-max-length-increased', property: 'request-property-max-length-increased', parameter: 'request-parameter-max-length-increased' },
    response: { body: 'response-body-max-length-increased', property: 'response-property-max-length-increased', header: 'response-header-max-length-increased' },
  },
  'max-length-set': {
    request: { body: 'request-body-max-length-set', property: 'request-property-max-length-set', parameter: 'request-parameter-max-length-set' },
    response: { body: 'response-body-max-length-set', property: 'response-property-max-length-set', header: 'response-header-max-length-set' },
  },
  'max-length-unset': {
    request: { body: 'request-body-max-length-unset', property: 'request-property-max-length-unset', parameter: 'request-parameter-max-length-unset' },
    response: { body: 'response-body-max-length-unset', property: 'response-property-max-length-unset', header: 'response-header-max-length-unset' },
  },
  'min-length-increased': {
    request: { body: 'request-body-min-length-increased', property: 'request-property-min-length-increased', parameter: 'request-parameter-min-length-increased' },
    response: { body: 'response-body-min-length-increased', property: 'response-property-min-length-increased', header: 'response-header-min-length-increased' },
  },
  'min-length-decreased': {
    request: { body: 'request-body-min-length-decreased', property: 'request-property-min-length-decreased', parameter: 'request-parameter-min-length-decreased' },
    response: { body: 'response-body-min-length-decreased', property: 'response-property-min-length-decreased', header: 'response-header-min-length-decreased' },
  },
  'max-decreased': {
    request: { body: 'request-body-max-decreased', property: 'request-property-max-decreased', parameter: 'request-parameter-max-decreased' },
    response: { body: 'response-body-max-decreased', property: 'response-property-max-decreased', header: 'response-header-max-decreased' },
  },
  'max-increased': {
    request: { body: 'request-body-max-increased', property: 'request-property-max-increased', parameter: 'request-parameter-max-increased' },
    response: { body: 'response-body-max-increased', property: 'response-property-max-increased', header: 'response-header-max-increased' },
  },
  'max-set': {
    request: { body: 'request-body-max-set', property: 'request-property-max-set', parameter: 'request-parameter-max-set' },
    response: { body: 'response-body-max-set', property: 'response-property-max-set', header: 'response-header-max-set' },
  },
  'max-unset': {
    request: { body: 'request-body-max-unset', property: 'request-property-max-unset', parameter: 'request-parameter-max-unset' },
    response: { body: 'response-body-max-unset', property: 'response-property-max-unset', header: 'response-header-max-unset' },
  },
  'min-increased': {
    request: { body: 'request-body-min-increased', property: 'request-property-min-increased', parameter: 'request-parameter-min-increased' },
    response: { body: 'response-body-min-increased', property: 'response-property-min-increased', header: 'response-header-min-increased' },
  },
  'min-decreased': {
    request: { body: 'request-body-min-decreased', property: 'request-property-min-decreased', parameter: 'request-parameter-min-decreased' },
    response: { body: 'response-body-min-decreased', property: 'response-property-min-decreased', header: 'response-header-min-decreased' },
  },
  'min-set': {
    request: { body: 'request-body-min-set', property: 'request-property-min-set', parameter: 'request-parameter-min-set' },
    response: { body: 'response-body-min-set', property: 'response-property-min-set', header: 'response-header-min-set' },
  },
  'min-unset': {
    request: { body: 'request-body-min-unset', property: 'request-property-min-unset', parameter: 'request-parameter-min-unset' },
    response: { body: 'response-body-min-unset', property: 'response-property-min-unset', header: 'response-header-min-unset' },
  },
  'exclusive-max-decreased': {
    request: { body: 'request-body-exclusive-max-decreased', property: 'request-property-exclusive-max-decreased', parameter: 'request-parameter-exclusive-max-decreased' },
    response: { body: 'response-body-exclusive-max-decreased', property: 'response-property-exclusive-max-decreased', header: 'response-header-exclusive-max-decreased' },
  },
  'exclusive-max-increased': {
    request: { body: 'request-body-exclusive-max-increased', property: 'request-property-exclusive-max-increased', parameter: 'request-parameter-exclusive-max-increased' },
    response: { body: 'response-body-exclusive-max-increased', property: 'response-property-exclusive-max-increased', header: 'response-header-exclusive-max-increased' },
  },
  'exclusive-max-set': {
    request: { body: 'request-body-exclusive-max-set', property: 'request-property-exclusive-max-set', parameter: 'request-parameter-exclusive-max-set' },
    response: { body: 'response-body-exclusive-max-set', property: 'response-property-exclusive-max-set', header: 'response-header-exclusive-max-set' },
  },
  'exclusive-max-unset': {
    request: { body: 'request-body-exclusive-max-unset', property: 'request-property-exclusive-max-unset', parameter: 'request-parameter-exclusive-max-unset' },
    response: { body: 'response-body-exclusive-max-unset', property: 'response-property-exclusive-max-unset', header: 'response-header-exclusive-max-unset' },
  },
  'exclusive-min-increased': {
    request: { body: 'request-body-exclusive-min-increased', property: 'request-property-exclusive-min-increased', parameter: 'request-parameter-exclusive-min-increased' },
    response: { body: 'response-body-exclusive-min-increased', property: 'response-property-exclusive-min-increased', header: 'response-header-exclusive-min-increased' },
  },
  'exclusive-min-decreased': {
    request: { body: 'request-body-exclusive-min-decreased', property: 'request-property-exclusive-min-decreased', parameter: 'request-parameter-exclusive-min-decreased' },
    response: { body: 'response-body-exclusive-min-decreased', property: 'response-property-exclusive-min-decreased', header: 'response-header-exclusive-min-decreased' },
  },
  'exclusive-min-set': {
    request: { body: 'request-body-exclusive-min-set', property: 'request-property-exclusive-min-set', parameter: 'request-parameter-exclusive-min-set' },
    response: { body: 'response-body-exclusive-min-set', property: 'response-property-exclusive-min-set', header: 'response-header-exclusive-min-set' },
  },
  'exclusive-min-unset': {
    request: { body: 'request-body-exclusive-min-unset', property: 'request-property-exclusive-min-unset', parameter: 'request-parameter-exclusive-min-unset' },
    response: { body: 'response-body-exclusive-min-unset', property: 'response-property-exclusive-min-unset', header: 'response-header-exclusive-min-unset' },
  },
  'max-items-decreased': {
    request: { body: 'request-body-max-items-decreased', property: 'request-property-max-items-decreased', parameter: 'request-parameter-max-items-decreased' },
    response: { body: 'response-body-max-items-decreased', property: 'response-property-max-items-decreased', header: 'response-header-max-items-decreased' },
  },
  'max-items-increased': {
    request: { body: 'request-body-max-items-increased', property: 'request-property-max-items-increased', parameter: 'request-parameter-max-items-increased' },
    response: { body: 'response-body-max-items-increased', property: 'response-property-max-items-increased', header: 'response-header-max-items-increased' },
  },
  'max-items-set': {
    request: { body: 'request-body-max-items-set', property: 'request-property-max-items-set', parameter: 'request-parameter-max-items-set' },
    response: { body: 'response-body-max-items-set', property: 'response-property-max-items-set', header: 'response-header-max-items-set' },
  },
  'max-items-unset': {
    request: { body: 'request-body-max-items-unset', property: 'request-property-max-items-unset', parameter: 'request-parameter-max-items-unset' },
    response: { body: 'response-body-max-items-unset', property: 'response-property-max-items-unset', header: 'response-header-max-items-unset' },
  },
  'min-items-increased': {
    request: { body: 'request-body-min-items-increased', property: 'request-property-min-items-increased', parameter: 'request-parameter-min-items-increased' },
    response: { body: 'response-body-min-items-increased', property: 'response-property-min-items-increased', header: 'response-header-min-items-increased' },
  },
  'min-items-decreased': {
    request: { body: 'request-body-min-items-decreased', property: 'request-property-min-items-decreased', parameter: 'request-parameter-min-items-decreased' },
    response: { body: 'response-body-min-items-decreased', property: 'response-property-min-items-decreased', header: 'response-header-min-items-decreased' },
  },
  'min-items-set': {
    request: { body: 'request-body-min-items-set', property: 'request-property-min-items-set', parameter: 'request-parameter-min-items-set' },
    response: { body: 'response-body-min-items-set', property: 'response-property-min-items-set', header: 'response-header-min-items-set' },
  },
  'min-items-unset': {
    request: { body: 'request-body-min-items-unset', property: 'request-property-min-items-unset', parameter: 'request-parameter-min-items-unset' },
    response: { body: 'response-body-min-items-unset', property: 'response-property-min-items-unset', header: 'response-header-min-items-unset' },
  },
  'max-properties-decreased': {
    request: { body: 'request-body-max-properties-decreased', property: 'request-property-max-properties-decreased' },
    response: { body: 'response-body-max-properties-decreased', property: 'response-property-max-properties-decreased' },
  },
  'max-properties-increased': {
    request: { body: 'request-body-max-properties-increased', property: 'request-property-max-properties-increased' },
    response: { body: 'response-body-max-properties-increased', property: 'response-property-max-properties-increased' },
  },
  'max-properties-set': {
    request: { body: 'request-body-max-properties-set', property: 'request-property-max-properties-set' },
    response: { body: 'response-body-max-properties-set', property: 'response-property-max-properties-set' },
  },
  'max-properties-unset': {
    request: { body: 'request-body-max-properties-unset', property: 'request-property-max-properties-unset' },
    response: { body: 'response-body-max-properties-unset', property: 'response-property-max-properties-unset' },
  },
  'min-properties-increased': {
    request: { body: 'request-body-min-properties-increased', property: 'request-property-min-properties-increased' },
    response: { body: 'response-body-min-properties-increased', property: 'response-property-min-properties-increased' },
  },
  'min-properties-decreased': {
    request: { body: 'request-body-min-properties-decreased', property: 'request-property-min-properties-decreased' },
    response: { body: 'response-body-min-properties-decreased', property: 'response-property-min-properties-decreased' },
  },
  'multiple-of-set': {
    request: { body: 'request-body-multiple-of-set', property: 'request-property-multiple-of-set', parameter: 'request-parameter-multiple-of-set' },
    response: { body: 'response-body-multiple-of-set', property: 'response-property-multiple-of-set', header: 'response-header-multiple-of-set' },
  },
  'multiple-of-unset': {
    request: { body: 'request-body-multiple-of-unset', property: 'request-property-multiple-of-unset', parameter: 'request-parameter-multiple-of-unset' },
    response: { body: 'response-body-multiple-of-unset', property: 'response-property-multiple-of-unset', header: 'response-header-multiple-of-unset' },
  },
  'multiple-of-changed': {
    request: { body: 'request-body-multiple-of-changed', property: 'request-property-multiple-of-changed', parameter: 'request-parameter-multiple-of-changed' },
    response: { body: 'response-body-multiple-of-changed', property: 'response-property-multiple-of-changed', header: 'response-header-multiple-of-changed' },
  },
  'multiple-of-generalized': {
    request: { body: 'request-body-multiple-of-generalized', property: 'request-property-multiple-of-generalized', parameter: 'request-parameter-multiple-of-generalized' },
    responseAs: 'multiple-of-changed',
  },
  'multiple-of-specialized': {
    requestAs: 'multiple-of-changed',
    response: { body: 'response-body-multiple-of-specialized', property: 'response-property-multiple-of-specialized', header: 'response-header-multiple-of-specialized' },
  },
  'unique-items-set': {
    request: { body: 'request-body-unique-items-set', property: 'request-property-unique-items-set', parameter: 'request-parameter-unique-items-set' },
    response: { body: 'response-body-unique-items-set', property: 'response-property-unique-items-set', header: 'response-header-unique-items-set' },
  },
  'unique-items-unset': {
    request: { body: 'request-body-unique-items-unset', property: 'request-property-unique-items-unset', parameter: 'request-parameter-unique-items-unset' },
    response: { body: 'response-body-unique-items-unset', property: 'response-property-unique-items-unset', header: 'response-header-unique-items-unset' },
  },
  'pattern-added': {
    request: { body: 'request-body-pattern-added', property: 'request-property-pattern-added', parameter: 'request-parameter-pattern-added' },
    response: { body: 'response-body-pattern-added', property: 'response-property-pattern-added', header: 'response-header-pattern-added' },
  },
  'pattern-removed': {
    request: { body: 'request-body-pattern-removed', property: 'request-property-pattern-removed', parameter: 'request-parameter-pattern-removed' },
    response: { body: 'response-body-pattern-removed', property: 'response-property-pattern-removed', header: 'response-header-pattern-removed' },
  },
  'pattern-changed': {
    request: { body: 'request-body-pattern-changed', property: 'request-property-pattern-changed', parameter: 'request-parameter-pattern-changed' },
    response: { body: 'response-body-pattern-changed', property: 'response-property-pattern-changed', header: 'response-header-pattern-changed' },
  },
  'became-enum': {
    request: { body: 'request-body-became-enum', property: 'request-property-became-enum', parameter: 'request-parameter-became-enum' },
    response: { body: 'response-body-became-enum', property: 'response-property-became-enum', header: 'response-header-became-enum' },
  },
  'enum-value-removed': {
    request: { body: 'request-body-enum-value-removed', property: 'request-property-enum-value-removed', parameter: 'request-parameter-enum-value-removed' },
    response: { body: 'response-body-enum-value-removed', property: 'response-property-enum-value-removed', header: 'response-header-enum-value-removed' },
  },
  'enum-value-added': {
    request: { body: 'request-body-enum-value-added', property: 'request-property-enum-value-added', parameter: 'request-parameter-enum-value-added' },
    response: { body: 'response-body-enum-value-added', property: 'response-property-enum-value-added', header: 'response-header-enum-value-added' },
  },
  'x-extensible-enum-value-added': {
    request: { body: 'request-body-x-extensible-enum-value-added', property: 'request-property-x-extensible-enum-value-added', parameter: 'request-parameter-x-extensible-enum-value-added' },
    response: { body: 'response-body-x-extensible-enum-value-added', property: 'response-property-x-extensible-enum-value-added', header: 'response-header-x-extensible-enum-value-added' },
  },
  'x-extensible-enum-value-removed': {
    request: { body: 'request-body-x-extensible-enum-value-removed', property: 'request-property-x-extensible-enum-value-removed', parameter: 'request-parameter-x-extensible-enum-value-removed' },
    response: { body: 'response-body-x-extensible-enum-value-removed', property: 'response-property-x-extensible-enum-value-removed', header: 'response-header-x-extensible-enum-value-removed' },
  },
  'const-added': {
    request: { body: 'request-body-const-added', property: 'request-property-const-added', parameter: 'request-parameter-const-added' },
    response: { body: 'response-body-const-added', property: 'response-property-const-added', header: 'response-header-const-added' },
  },
  'const-removed': {
    request: { body: 'request-body-const-removed', property: 'request-property-const-removed', parameter: 'request-parameter-const-removed' },
    response: { body: 'response-body-const-removed', property: 'response-property-const-removed', header: 'response-header-const-removed' },
  },
  'const-changed': {
    request: { body: 'request-body-const-changed', property: 'request-property-const-changed', parameter: 'request-parameter-const-changed' },
    response: { body: 'response-body-const-changed', property: 'response-property-const-changed', header: 'response-header-const-changed' },
  },
  'default-value-added': {
    request: { body: 'request-body-default-value-added', property: 'request-property-default-value-added', parameter: 'request-parameter-default-value-added' },
    response: { body: 'response-body-default-value-added', property: 'response-property-default-value-added', header: 'response-header-default-value-added' },
  },
  'default-value-removed': {
    request: { body: 'request-body-default-value-removed', property: 'request-property-default-value-removed', parameter: 'request-parameter-default-value-removed' },
    response: { body: 'response-body-default-value-removed', property: 'response-property-default-value-removed', header: 'response-header-default-value-removed' },
  },
  'default-value-changed': {
    request: { body: 'request-body-default-value-changed', property: 'request-property-default-value-changed', parameter: 'request-parameter-default-value-changed' },
    response: { body: 'response-body-default-value-changed', property: 'response-property-default-value-changed', header: 'response-header-default-value-changed' },
  },
  'type-changed': {
    request: { body: 'request-body-type-changed', property: 'request-property-type-changed', parameter: 'request-parameter-type-changed' },
    response: { body: 'response-body-type-changed', property: 'response-property-type-changed', header: 'response-header-type-changed' },
  },
  'type-generalized': {
    request: { body: 'request-body-type-generalized', property: 'request-property-type-generalized', parameter: 'request-parameter-type-generalized' },
    response: { body: 'response-body-type-generalized', property: 'response-property-type-generalized', header: 'response-header-type-generalized' },
  },
  'type-specialized': {
    requestAs: 'type-changed',
    response: { body: 'response-body-type-specialized', property: 'response-property-type-specialized', header: 'response-header-type-specialized' },
  },
  'list-of-types-widened': {
    request: { body: 'request-body-list-of-types-widened', property: 'request-property-list-of-types-widened', parameter: 'request-parameter-list-of-types-widened' },
    response: { body: 'response-body-list-of-types-widened', property: 'response-property-list-of-types-widened', header: 'response-header-list-of-types-widened' },
  },
  'list-of-types-narrowed': {
    request: { body: 'request-body-list-of-types-narrowed', property: 'request-property-list-of-types-narrowed', parameter: 'request-parameter-list-of-types-narrowed' },
    response: { body: 'response-body-list-of-types-narrowed', property: 'response-property-list-of-types-narrowed', header: 'response-header-list-of-types-narrowed' },
  },
  'became-nullable': {
    request: { body: 'request-body-became-nullable', property: 'request-property-became-nullable', parameter: 'request-parameter-became-nullable' },
    response: { body: 'response-body-became-nullable', property: 'response-property-became-nullable', header: 'response-header-became-nullable' },
  },
  'became-not-nullable': {
    request: { body: 'request-body-became-not-nullable', property: 'request-property-became-not-nullable', parameter: 'request-parameter-became-not-nullable' },
    response: { body: 'response-body-became-not-nullable', property: 'response-property-became-not-nullable', header: 'response-header-became-not-nullable' },
  },
  'additional-properties-narrowed': {
    request: { body: 'request-body-additional-properties-narrowed', property: 'request-property-additional-properties-narrowed' },
    response: { body: 'response-body-additional-properties-narrowed', property: 'response-property-additional-properties-narrowed' },
  },
  'additional-properties-widened': {
    request: { body: 'request-body-additional-properties-widened', property: 'request-property-additional-properties-widened' },
    response: { body: 'response-body-additional-properties-widened', property: 'response-property-additional-properties-widened' },
  },
  'one-of-added': {
    request: { body: 'request-body-one-of-added', property: 'request-property-one-of-added' },
    response: { body: 'response-body-one-of-added', property: 'response-property-one-of-added' },
  },
  'one-of-removed': {
    request: { body: 'request-body-one-of-removed', property: 'request-property-one-of-removed' },
    response: { body: 'response-body-one-of-removed', property: 'response-property-one-of-removed' },
  },
  'any-of-added': {
    request: { body: 'request-body-any-of-added', property: 'request-property-any-of-added' },
    response: { body: 'response-body-any-of-added', property: 'response-property-any-of-added' },
  },
  'any-of-removed': {
    request: { body: 'request-body-any-of-removed', property: 'request-property-any-of-removed' },
    response: { body: 'response-body-any-of-removed', property: 'response-property-any-of-removed' },
  },
  'one-of-list-added': {
    request: { body: 'request-body-one-of-list-added', property: 'request-property-one-of-list-added' },
    response: { body: 'response-body-one-of-list-added', property: 'response-property-one-of-list-added' },
  },
  'one-of-list-removed': {
    request: { body: 'request-body-one-of-list-removed', property: 'request-property-one-of-list-removed' },
    response: { body: 'response-body-one-of-list-removed', property: 'response-property-one-of-list-removed' },
  },
  'any-of-list-added': {
    request: { body: 'request-body-any-of-list-added', property: 'request-property-any-of-list-added' },
    response: { body: 'response-body-any-of-list-added', property: 'response-property-any-of-list-added' },
  },
  'any-of-list-removed': {
    request: { body: 'request-body-any-of-list-removed', property: 'request-property-any-of-list-removed' },
    response: { body: 'response-body-any-of-list-removed', property: 'response-property-any-of-list-removed' },
  },
  'all-of-added': {
    request: { body: 'request-body-all-of-added', property: 'request-property-all-of-added' },
    response: { body: 'response-body-all-of-added', property: 'response-property-all-of-added' },
  },
  'all-of-removed': {
    request: { body: 'request-body-all-of-removed', property: 'request-property-all-of-removed' },
    response: { body: 'response-body-all-of-removed', property: 'response-property-all-of-removed' },
  },
  'contains-added': {
    request: { body: 'request-body-contains-added', property: 'request-property-contains-added' },
    response: { body: 'response-body-contains-added', property: 'response-property-contains-added' },
  },
  'contains-removed': {
    request: { body: 'request-body-contains-removed', property: 'request-property-contains-removed' },
    response: { body: 'response-body-contains-removed', property: 'response-property-contains-removed' },
  },
  'if-added': {
    request: { body: 'request-body-if-added', property: 'request-property-if-added' },
    response: { body: 'response-body-if-added', property: 'response-property-if-added' },
  },
  'if-removed': {
    request: { body: 'request-body-if-removed', property: 'request-property-if-removed' },
    response: { body: 'response-body-if-removed', property: 'response-property-if-removed' },
  },
  'then-added': {
    request: { body: 'request-body-then-added', property: 'request-property-then-added' },
    response: { body: 'response-body-then-added', property: 'response-property-then-added' },
  },
  'then-removed': {
    request: { body: 'request-body-then-removed', property: 'request-property-then-removed' },
    response: { body: 'response-body-then-removed', property: 'response-property-then-removed' },
  },
  'else-added': {
    request: { body: 'request-body-else-added', property: 'request-property-else-added' },
    response: { body: 'response-body-else-added', property: 'response-property-else-added' },
  },
  'else-removed': {
    request: { body: 'request-body-else-removed', property: 'request-property-else-removed' },
    response: { body: 'response-body-else-removed', property: 'response-property-else-removed' },
  },
  'property-names-added': {
    request: { body: 'request-body-property-names-added', property: 'request-property-property-names-added' },
    response: { body: 'response-body-property-names-added', property: 'response-property-property-names-added' },
  },
  'property-names-removed': {
    request: { body: 'request-body-property-names-removed', property: 'request-property-property-names-removed' },
    response: { body: 'response-body-property-names-removed', property: 'response-property-property-names-removed' },
  },
  'unevaluated-items-added': {
    request: { body: 'request-body-unevaluated-items-added', property: 'request-property-unevaluated-items-added' },
    response: { body: 'response-body-unevaluated-items-added', property: 'response-property-unevaluated-items-added' },
  },
  'unevaluated-items-removed': {
    request: { body: 'request-body-unevaluated-items-removed', property: 'request-property-unevaluated-items-removed' },
    response: { body: 'response-body-unevaluated-items-removed', property: 'response-property-unevaluated-items-removed' },
  },
  'unevaluated-properties-added': {
    request: { body: 'request-body-unevaluated-properties-added', property: 'request-property-unevaluated-properties-added' },
    response: { body: 'response-body-unevaluated-properties-added', property: 'response-property-unevaluated-properties-added' },
  },
  'unevaluated-properties-removed': {
    request: { body: 'request-body-unevaluated-properties-removed', property: 'request-property-unevaluated-properties-removed' },
    response: { body: 'response-body-unevaluated-properties-removed', property: 'response-property-unevaluated-properties-removed' },
  },
  'content-schema-added': {
    request: { body: 'request-body-content-schema-added', property: 'request-property-content-schema-added' },
    response: { body: 'response-body-content-schema-added', property: 'response-property-content-schema-added' },
  },
  'content-schema-removed': {
    request: { body: 'request-body-content-schema-removed', property: 'request-property-content-schema-removed' },
    response: { body: 'response-body-content-schema-removed', property: 'response-property-content-schema-removed' },
  },
  'dependent-required-added': {
    request: { body: 'request-body-dependent-required-added', property: 'request-property-dependent-required-added' },
    response: { body: 'response-body-dependent-required-added', property: 'response-property-dependent-required-added' },
  },
  'dependent-required-removed': {
    request: { body: 'request-body-dependent-required-removed', property: 'request-property-dependent-required-removed' },
    response: { body: 'response-body-dependent-required-removed', property: 'response-property-dependent-required-removed' },
  },
  'dependent-schema-added': {
    request: { body: 'request-body-dependent-schema-added', property: 'request-property-dependent-schema-added' },
    response: { body: 'response-body-dependent-schema-added', property: 'response-property-dependent-schema-added' },
  },
  'dependent-schema-removed': {
    request: { body: 'request-body-dependent-schema-removed', property: 'request-property-dependent-schema-removed' },
    response: { body: 'response-body-dependent-schema-removed', property: 'response-property-dependent-schema-removed' },
  },
  'pattern-property-added': {
    request: { body: 'request-body-pattern-property-added', property: 'request-property-pattern-property-added' },
    response: { body: 'response-body-pattern-property-added', property: 'response-property-pattern-property-added' },
  },
  'pattern-property-removed': {
    request: { body: 'request-body-pattern-property-removed', property: 'request-property-pattern-property-removed' },
    response: { body: 'response-body-pattern-property-removed', property: 'response-property-pattern-property-removed' },
  },
  'dependent-required-changed': {
    request: { body: 'request-body-dependent-required-changed', property: 'request-property-dependent-required-changed' },
    response: { body: 'response-body-dependent-required-changed', property: 'response-property-dependent-required-changed' },
  },
  'min-contains-increased': {
    request: { body: 'request-body-min-contains-increased', property: 'request-property-min-contains-increased' },
    response: { body: 'response-body-min-contains-increased', property: 'response-property-min-contains-increased' },
  },
  'min-contains-decreased': {
    request: { body: 'request-body-min-contains-decreased', property: 'request-property-min-contains-decreased' },
    response: { body: 'response-body-min-contains-decreased', property: 'response-property-min-contains-decreased' },
  },
  'max-contains-increased': {
    request: { body: 'request-body-max-contains-increased', property: 'request-property-max-contains-increased' },
    response: { body: 'response-body-max-contains-increased', property: 'response-property-max-contains-increased' },
  },
  'max-contains-decreased': {
    request: { body: 'request-body-max-contains-decreased', property: 'request-property-max-contains-decreased' },
    response: { body: 'response-body-max-contains-decreased', property: 'response-property-max-contains-decreased' },
  },
  'content-media-type-changed': {
    request: { body: 'request-body-content-media-type-changed', property: 'request-property-content-media-type-changed' },
    response: { body: 'response-body-content-media-type-changed', property: 'response-property-content-media-type-changed' },
  },
  'content-encoding-changed': {
    request: { body: 'request-body-content-encoding-changed', property: 'request-property-content-encoding-changed' },
    response: { body: 'response-body-content-encoding-changed', property: 'response-property-content-encoding-changed' },
  },
  'prefix-items-added': {
    request: { body: 'request-body-prefix-items-added', property: 'request-property-prefix-items-added' },
    response: { body: 'response-body-prefix-items-added', property: 'response-property-prefix-items-added' },
  },
  'prefix-items-removed': {
    request: { body: 'request-body-prefix-items-removed', property: 'request-property-prefix-items-removed' },
    response: { body: 'response-body-prefix-items-removed', property: 'response-property-prefix-items-removed' },
  },
  'enum-removed': {
    request: { body: 'request-body-enum-removed', property: 'request-property-enum-removed', parameter: 'request-parameter-enum-removed' },
    response: { body: 'response-mediatype-enum-removed', property: 'response-property-enum-removed', header: 'response-header-enum-removed' },
  },
  'discriminator-added': {
    request: { body: 'request-body-discriminator-added', property: 'request-property-discriminator-added' },
    response: { body: 'response-body-discriminator-added', property: 'response-property-discriminator-added' },
  },
  'discriminator-removed': {
    request: { body: 'request-body-discriminator-removed', property: 'request-property-discriminator-removed' },
    response: { body: 'response-body-discriminator-removed', property: 'response-property-discriminator-removed' },
  },
  'discriminator-property-name-changed': {
    request: { body: 'request-body-discriminator-property-name-changed', property: 'request-property-discriminator-property-name-changed' },
    response: { body: 'response-body-discriminator-property-name-changed', property: 'response-property-discriminator-property-name-changed' },
  },
  'discriminator-mapping-added': {
    request: { body: 'request-body-discriminator-mapping-added', property: 'request-property-discriminator-mapping-added' },
    response: { body: 'response-body-discriminator-mapping-added', property: 'response-property-discriminator-mapping-added' },
  },
  'discriminator-mapping-deleted': {
    request: { body: 'request-body-discriminator-mapping-deleted', property: 'request-property-discriminator-mapping-deleted' },
    response: { body: 'response-body-discriminator-mapping-deleted', property: 'response-property-discriminator-mapping-deleted' },
  },
  'discriminator-mapping-changed': {
    request: { body: 'request-body-discriminator-mapping-changed', property: 'request-property-discriminator-mapping-changed' },
    response: { body: 'response-body-discriminator-mapping-changed', property: 'response-property-discriminator-mapping-changed' },
  },
};
