/**
 * The OpenAPI object model as data: which object a path leads to (`transitions`), and the fields
 * of each object with the specification's description and the versions that define them
 * (`fields`). Completion offers these keys; hover shows their descriptions.
 * Descriptions are condensed from the OpenAPI Specification 2.0, 3.0.3 and 3.1.0.
 */
import type { SpecFormat } from '../style/types';

/** `2`: Swagger 2.0; `30`/`31`: OpenAPI 3.0/3.1; `3`: both 3.x. */
type Versions = '2' | '3' | '30' | '31' | 'all';
export type Field = readonly [key: string, description: string, versions?: Versions];

const ANY = '*';

/** From an object kind, which kind each member key leads to (`*`: any key or index). */
export const TRANSITIONS: Record<string, Record<string, string>> = {
  root: {
    info: 'info', servers: 'servers', paths: 'paths', webhooks: 'paths', components: 'components', security: 'securityList', tags: 'tags',
    externalDocs: 'externalDocs', definitions: 'schemaMap', parameters: 'parameterMap', responses: 'responseMap', securityDefinitions: 'securitySchemeMap',
  },
  info: { contact: 'contact', license: 'license' },
  servers: { [ANY]: 'server' },
  server: { variables: 'serverVariables' },
  serverVariables: { [ANY]: 'serverVariable' },
  paths: { [ANY]: 'pathItem' },
  pathItem: {
    get: 'operation', put: 'operation', post: 'operation', delete: 'operation', options: 'operation', head: 'operation', patch: 'operation', trace: 'operation',
    parameters: 'parameterList', servers: 'servers',
  },
  operation: {
    parameters: 'parameterList', requestBody: 'requestBody', responses: 'responses', callbacks: 'callbackMap', security: 'securityList',
    servers: 'servers', externalDocs: 'externalDocs', tags: 'tagNames',
  },
  callbackMap: { [ANY]: 'paths' },
  parameterList: { [ANY]: 'parameter' },
  parameterMap: { [ANY]: 'parameter' },
  parameter: { schema: 'schema', content: 'contentMap', items: 'items', examples: 'exampleMap' },
  items: { items: 'items' },
  requestBody: { content: 'contentMap' },
  requestBodyMap: { [ANY]: 'requestBody' },
  contentMap: { [ANY]: 'mediaType' },
  mediaType: { schema: 'schema', examples: 'exampleMap', encoding: 'encodingMap' },
  encodingMap: { [ANY]: 'encoding' },
  encoding: { headers: 'headerMap' },
  responses: { [ANY]: 'response' },
  responseMap: { [ANY]: 'response' },
  response: { content: 'contentMap', headers: 'headerMap', links: 'linkMap', schema: 'schema' },
  headerMap: { [ANY]: 'header' },
  header: { schema: 'schema', content: 'contentMap', items: 'items' },
  linkMap: { [ANY]: 'link' },
  link: { server: 'server' },
  exampleMap: { [ANY]: 'example' },
  schemaMap: { [ANY]: 'schema' },
  schemaList: { [ANY]: 'schema' },
  schema: {
    properties: 'schemaMap', patternProperties: 'schemaMap', $defs: 'schemaMap', items: 'schema', additionalProperties: 'schema', not: 'schema',
    allOf: 'schemaList', oneOf: 'schemaList', anyOf: 'schemaList', prefixItems: 'schemaList', discriminator: 'discriminator', xml: 'xml', externalDocs: 'externalDocs',
  },
  components: {
    schemas: 'schemaMap', responses: 'responseMap', parameters: 'parameterMap', examples: 'exampleMap', requestBodies: 'requestBodyMap',
    headers: 'headerMap', securitySchemes: 'securitySchemeMap', links: 'linkMap', callbacks: 'callbackMapMap', pathItems: 'paths',
  },
  callbackMapMap: { [ANY]: 'callbackMap' },
  securitySchemeMap: { [ANY]: 'securityScheme' },
  securityScheme: { flows: 'oauthFlows' },
  oauthFlows: { implicit: 'oauthFlow', password: 'oauthFlow', clientCredentials: 'oauthFlow', authorizationCode: 'oauthFlow' },
  tags: { [ANY]: 'tag' },
  tag: { externalDocs: 'externalDocs' },
  securityList: { [ANY]: 'securityRequirement' },
};

const REF: Field = ['$ref', 'A reference to an object defined elsewhere: a JSON pointer (`#/components/...`), a relative file, or both (`file.yaml#/Pointer`).'];
const DESCRIPTION: Field = ['description', 'A description; CommonMark syntax MAY be used for rich text representation.'];
const SUMMARY: Field = ['summary', 'A short summary of what the object does or is.'];
const EXTERNAL_DOCS: Field = ['externalDocs', 'Additional external documentation.'];

export const FIELDS: Record<string, readonly Field[]> = {
  root: [
    ['openapi', 'REQUIRED. The version number of the OpenAPI Specification that the document uses (e.g. `3.1.0`).', '3'],
    ['swagger', 'REQUIRED. The Swagger Specification version being used; MUST be `"2.0"`.', '2'],
    ['info', 'REQUIRED. Metadata about the API: title, version, contact, license.'],
    ['jsonSchemaDialect', 'The default value for the `$schema` keyword within Schema Objects in this document.', '31'],
    ['servers', 'An array of Server Objects, which provide connectivity information to a target server.', '3'],
    ['host', 'The host (name or IP) serving the API, optionally with a port.', '2'],
    ['basePath', 'The base path on which the API is served, relative to the host; MUST start with `/`.', '2'],
    ['schemes', 'The transfer protocol of the API: `http`, `https`, `ws`, `wss`.', '2'],
    ['consumes', 'A list of MIME types the APIs can consume.', '2'],
    ['produces', 'A list of MIME types the APIs can produce.', '2'],
    ['paths', 'The available paths and operations for the API.'],
    ['webhooks', 'The incoming webhooks that MAY be received as part of this API and that the API consumer MAY choose to implement.', '31'],
    ['components', 'An element to hold various schemas for the document.', '3'],
    ['definitions', 'An object to hold data types produced and consumed by operations.', '2'],
    ['parameters', 'An object to hold parameters that can be used across operations.', '2'],
    ['responses', 'An object to hold responses that can be used across operations.', '2'],
    ['securityDefinitions', 'Security scheme definitions that can be used across the specification.', '2'],
    ['security', 'A declaration of which security mechanisms can be used across the API. Individual operations can override it.'],
    ['tags', 'A list of tags used by the document with additional metadata. The order of the tags can be used by tools.'],
    EXTERNAL_DOCS,
  ],
  info: [
    ['title', 'REQUIRED. The title of the API.'],
    ['summary', 'A short summary of the API.', '31'],
    DESCRIPTION,
    ['termsOfService', 'A URL to the Terms of Service for the API.'],
    ['contact', 'The contact information for the exposed API.'],
    ['license', 'The license information for the exposed API.'],
    ['version', 'REQUIRED. The version of the OpenAPI document (distinct from the specification version or the API implementation version).'],
  ],
  contact: [['name', 'The identifying name of the contact person/organization.'], ['url', 'The URL pointing to the contact information.'], ['email', 'The email address of the contact person/organization.']],
  license: [['name', 'REQUIRED. The license name used for the API.'], ['identifier', 'An SPDX license expression for the API.', '31'], ['url', 'A URL to the license used for the API.']],
  server: [['url', 'REQUIRED. A URL to the target host; MAY be relative and MAY contain variables in `{braces}`.'], DESCRIPTION, ['variables', 'A map between a variable name and its value, used for substitution in the server\'s URL template.']],
  serverVariable: [['enum', 'An enumeration of string values to be used if the substitution options are from a limited set.'], ['default', 'REQUIRED. The default value to use for substitution.'], DESCRIPTION],
  pathItem: [
    REF, ['summary', 'An optional string summary, intended to apply to all operations in this path.', '3'], ['description', 'An optional string description, intended to apply to all operations in this path.', '3'],
    ...['get', 'put', 'post', 'delete', 'options', 'head', 'patch'].map((m): Field => [m, `A definition of a ${m.toUpperCase()} operation on this path.`]),
    ['trace', 'A definition of a TRACE operation on this path.', '3'],
    ['servers', 'An alternative server array to service all operations in this path.', '3'],
    ['parameters', 'A list of parameters that are applicable for all the operations described under this path.'],
  ],
  operation: [
    ['tags', 'A list of tags for API documentation control, used for logical grouping of operations.'],
    ['summary', 'A short summary of what the operation does.'],
    ['description', 'A verbose explanation of the operation behavior. CommonMark syntax MAY be used.'],
    EXTERNAL_DOCS,
    ['operationId', 'Unique string used to identify the operation; MUST be unique among all operations described in the API. Tools and libraries MAY use it to uniquely identify an operation.'],
    ['consumes', 'A list of MIME types the operation can consume; overrides the root `consumes`.', '2'],
    ['produces', 'A list of MIME types the operation can produce; overrides the root `produces`.', '2'],
    ['parameters', 'A list of parameters that are applicable for this operation; overrides path-level parameters with the same name and location.'],
    ['requestBody', 'The request body applicable for this operation.', '3'],
    ['responses', 'The list of possible responses as they are returned from executing this operation. REQUIRED in 2.0 and 3.0.'],
    ['callbacks', 'A map of possible out-of-band callbacks related to the parent operation.', '3'],
    ['deprecated', 'Declares this operation to be deprecated. Consumers SHOULD refrain from usage of the declared operation. Default `false`.'],
    ['security', 'A declaration of which security mechanisms can be used for this operation; overrides the root `security`. An empty array removes it.'],
    ['schemes', 'The transfer protocol for the operation; overrides the root `schemes`.', '2'],
    ['servers', 'An alternative server array to service this operation.', '3'],
  ],
  parameter: [
    ['name', 'REQUIRED. The name of the parameter (case sensitive). For `in: path` it MUST correspond to a template expression in the path.'],
    ['in', 'REQUIRED. The location of the parameter: `query`, `header`, `path` or `cookie` (2.0: `query`, `header`, `path`, `formData`, `body`).'],
    DESCRIPTION,
    ['required', 'Determines whether this parameter is mandatory. MUST be `true` for path parameters.'],
    ['deprecated', 'Specifies that a parameter is deprecated and SHOULD be transitioned out of usage.', '3'],
    ['allowEmptyValue', 'Sets the ability to pass empty-valued parameters (query parameters only).'],
    ['style', 'Describes how the parameter value will be serialized depending on its type (`form`, `simple`, `matrix`, `label`, `spaceDelimited`, `pipeDelimited`, `deepObject`).', '3'],
    ['explode', 'When true, array or object parameter values generate separate parameters for each value or key-value pair.', '3'],
    ['allowReserved', 'Whether the parameter value SHOULD allow reserved characters (RFC 3986) without percent-encoding.', '3'],
    ['schema', 'The schema defining the type used for the parameter (2.0: for `in: body` only).'],
    ['example', 'Example of the parameter\'s potential value.', '3'],
    ['examples', 'Examples of the parameter\'s potential value.', '3'],
    ['content', 'A map containing the representations for the parameter (exactly one entry).', '3'],
    ['type', 'REQUIRED for non-body parameters. The type of the parameter: `string`, `number`, `integer`, `boolean`, `array` or `file`.', '2'],
    ['format', 'The extending format for the previously mentioned type.', '2'],
    ['items', 'REQUIRED if type is `array`. Describes the type of items in the array.', '2'],
    ['collectionFormat', 'The format of the array if type array is used: `csv`, `ssv`, `tsv`, `pipes`, `multi`.', '2'],
    ['default', 'The default value the server will use if none is provided.', '2'],
    ['enum', 'The allowed values.', '2'],
    REF,
  ],
  items: [['type', 'REQUIRED. The internal type of the array.'], ['format', 'The extending format for the type.'], ['items', 'Describes the type of items in a nested array.'], ['collectionFormat', 'The format of the array.'], ['enum', 'The allowed values.'], ['default', 'The default value.']],
  requestBody: [DESCRIPTION, ['content', 'REQUIRED. The content of the request body, keyed by media type or media type range.'], ['required', 'Determines if the request body is required in the request. Defaults to `false`.'], REF],
  mediaType: [
    ['schema', 'The schema defining the content of the request, response, or parameter.'], ['example', 'Example of the media type.'],
    ['examples', 'Examples of the media type.'], ['encoding', 'A map between a property name and its encoding information (multipart and form bodies).'],
  ],
  encoding: [['contentType', 'The Content-Type for encoding a specific property.'], ['headers', 'Additional headers (multipart only).'], ['style', 'How a property value is serialized.'], ['explode', 'Separate parameters per array value or object member.'], ['allowReserved', 'Allow reserved characters without percent-encoding.']],
  responses: [['default', 'The documentation of responses other than the ones declared for specific HTTP response codes.'], REF],
  response: [
    ['description', 'REQUIRED. A description of the response. CommonMark syntax MAY be used.'],
    ['headers', 'Maps a header name to its definition. Header names are case insensitive.'],
    ['content', 'A map containing descriptions of potential response payloads, keyed by media type or media type range.', '3'],
    ['links', 'A map of operations links that can be followed from the response.', '3'],
    ['schema', 'A definition of the response structure.', '2'],
    ['examples', 'An example of the response message, keyed by MIME type.', '2'],
    REF,
  ],
  header: [DESCRIPTION, ['required', 'Determines whether this header is mandatory.', '3'], ['deprecated', 'Specifies that the header is deprecated.', '3'], ['schema', 'The schema defining the type used for the header.', '3'], ['content', 'A map containing the representations for the header.', '3'], ['example', 'Example of the header\'s value.', '3'], ['type', 'REQUIRED. The type of the header.', '2'], ['format', 'The extending format for the type.', '2'], ['items', 'Describes the type of items in an array header.', '2'], REF],
  link: [
    ['operationRef', 'A relative or absolute URI reference to an OAS operation. Mutually exclusive with `operationId`.'],
    ['operationId', 'The name of an existing, resolvable OAS operation, as defined with a unique `operationId`.'],
    ['parameters', 'A map of parameter names to values or runtime expressions to pass to the linked operation.'],
    ['requestBody', 'A literal value or runtime expression to use as a request body when calling the target operation.'],
    DESCRIPTION, ['server', 'A server object to be used by the target operation.'], REF,
  ],
  example: [SUMMARY, DESCRIPTION, ['value', 'Embedded literal example.'], ['externalValue', 'A URI that identifies the literal example.'], REF],
  schema: [
    REF,
    ['type', 'The data type: `string`, `number`, `integer`, `boolean`, `array`, `object` (3.1: also `null`, or an array of types).'],
    ['format', 'The extending format for the type (e.g. `int64`, `date-time`, `uuid`).'],
    ['title', 'A short title for the schema.'], DESCRIPTION,
    ['properties', 'The properties of an object, each a schema.'],
    ['required', 'The property names that MUST be present.'],
    ['additionalProperties', 'A schema for (or `false` to forbid) properties not listed in `properties`.'],
    ['items', 'The schema of an array\'s items.'],
    ['enum', 'The allowed values.'], ['const', 'The only allowed value.', '31'], ['default', 'The default value.'],
    ['allOf', 'The value MUST be valid against all the subschemas.'], ['oneOf', 'The value MUST be valid against exactly one of the subschemas.', '3'],
    ['anyOf', 'The value MUST be valid against at least one of the subschemas.', '3'], ['not', 'The value MUST NOT be valid against this schema.', '3'],
    ['nullable', 'Allows `null` in addition to the type (3.0 only; 3.1 uses `type: [..., "null"]`).', '30'],
    ['discriminator', 'Adds support for polymorphism: the property whose value tells which schema applies (2.0: the property name).'],
    ['readOnly', 'The property is sent in responses only.'], ['writeOnly', 'The property is sent in requests only.', '3'],
    ['xml', 'Metadata for XML representations of this property.'], EXTERNAL_DOCS,
    ['example', 'A free-form example of an instance of this schema.'], ['examples', 'Examples of instances of this schema (JSON Schema).', '31'],
    ['deprecated', 'Specifies that the schema is deprecated.', '3'],
    ['minimum', 'Inclusive lower bound of a number.'], ['maximum', 'Inclusive upper bound of a number.'],
    ['exclusiveMinimum', 'Exclusive lower bound (3.0 and 2.0: a boolean modifying `minimum`).'], ['exclusiveMaximum', 'Exclusive upper bound (3.0 and 2.0: a boolean modifying `maximum`).'],
    ['multipleOf', 'The number MUST be a multiple of this value.'],
    ['minLength', 'Minimum length of a string.'], ['maxLength', 'Maximum length of a string.'], ['pattern', 'A regular expression (ECMA 262) the string MUST match.'],
    ['minItems', 'Minimum number of items.'], ['maxItems', 'Maximum number of items.'], ['uniqueItems', 'All items MUST be unique.'],
    ['minProperties', 'Minimum number of properties.'], ['maxProperties', 'Maximum number of properties.'],
    ['patternProperties', 'Schemas for properties whose names match a regular expression.', '31'], ['prefixItems', 'Schemas for the first items of an array, by position.', '31'],
    ['$defs', 'Reusable schemas local to this schema.', '31'], ['contentMediaType', 'The media type of a string\'s content.', '31'], ['contentEncoding', 'The encoding of a string\'s content (e.g. `base64`).', '31'],
  ],
  discriminator: [['propertyName', 'REQUIRED. The name of the property in the payload that will hold the discriminator value.'], ['mapping', 'An object to hold mappings between payload values and schema names or references.']],
  xml: [['name', 'Replaces the name of the element/attribute.'], ['namespace', 'The URI of the namespace definition.'], ['prefix', 'The prefix to be used for the name.'], ['attribute', 'Declares whether the property is an attribute instead of an element.'], ['wrapped', 'For arrays: whether the array is wrapped.']],
  components: [
    ['schemas', 'Reusable Schema Objects.'], ['responses', 'Reusable Response Objects.'], ['parameters', 'Reusable Parameter Objects.'], ['examples', 'Reusable Example Objects.'],
    ['requestBodies', 'Reusable Request Body Objects.'], ['headers', 'Reusable Header Objects.'], ['securitySchemes', 'Reusable Security Scheme Objects.'],
    ['links', 'Reusable Link Objects.'], ['callbacks', 'Reusable Callback Objects.'], ['pathItems', 'Reusable Path Item Objects.', '31'],
  ],
  securityScheme: [
    ['type', 'REQUIRED. The type of the security scheme: `apiKey`, `http`, `mutualTLS`, `oauth2`, `openIdConnect` (2.0: `basic`, `apiKey`, `oauth2`).'],
    DESCRIPTION,
    ['name', 'REQUIRED for apiKey. The name of the header, query or cookie parameter to be used.'],
    ['in', 'REQUIRED for apiKey. The location of the API key: `query`, `header` or `cookie`.'],
    ['scheme', 'REQUIRED for http. The name of the HTTP Authorization scheme (RFC 7235), e.g. `bearer`.', '3'],
    ['bearerFormat', 'A hint to the client to identify how the bearer token is formatted.', '3'],
    ['flows', 'REQUIRED for oauth2. Configuration information for the flow types supported.', '3'],
    ['openIdConnectUrl', 'REQUIRED for openIdConnect. OpenId Connect URL to discover OAuth2 configuration values.', '3'],
    ['flow', 'REQUIRED for oauth2. The flow used: `implicit`, `password`, `application` or `accessCode`.', '2'],
    ['authorizationUrl', 'The authorization URL to be used for this flow.', '2'], ['tokenUrl', 'The token URL to be used for this flow.', '2'], ['scopes', 'The available scopes for the OAuth2 security scheme.', '2'],
  ],
  oauthFlows: [['implicit', 'Configuration for the OAuth Implicit flow.'], ['password', 'Configuration for the OAuth Resource Owner Password flow.'], ['clientCredentials', 'Configuration for the OAuth Client Credentials flow.'], ['authorizationCode', 'Configuration for the OAuth Authorization Code flow.']],
  oauthFlow: [['authorizationUrl', 'The authorization URL to be used for this flow.'], ['tokenUrl', 'The token URL to be used for this flow.'], ['refreshUrl', 'The URL to be used for obtaining refresh tokens.'], ['scopes', 'REQUIRED. The available scopes: a map between the scope name and a short description.']],
  tag: [['name', 'REQUIRED. The name of the tag.'], DESCRIPTION, EXTERNAL_DOCS],
  externalDocs: [DESCRIPTION, ['url', 'REQUIRED. The URL for the target documentation.']],
};

/** The object kind at a path of member keys from the root (`undefined`: not a known object). */
export function kindAt(segments: readonly string[]): string | undefined {
  let kind: string | undefined = 'root';
  for (const segment of segments) {
    const next: Record<string, string> | undefined = TRANSITIONS[kind];
    kind = next?.[segment] ?? next?.[ANY];
    if (!kind) return undefined;
  }
  return kind;
}

function versionOf(format: SpecFormat | undefined): '2' | '30' | '31' {
  return format === 'oas2' ? '2' : format === 'oas3.0' ? '30' : '31';
}

function inVersion(versions: Versions | undefined, v: '2' | '30' | '31'): boolean {
  if (!versions || versions === 'all') return true;
  if (versions === '3') return v !== '2';
  return versions === v;
}

/** The fields of an object kind valid in a document format. */
export function fieldsOf(kind: string, format: SpecFormat | undefined): Field[] {
  const v = versionOf(format);
  return (FIELDS[kind] ?? []).filter((f) => inVersion(f[2], v));
}

/** The description of `key` as a field of the object at `segments` (the key's parent). */
export function describeField(segments: readonly string[], key: string, format: SpecFormat | undefined): { kind: string; description: string } | undefined {
  const kind = kindAt(segments);
  const field = kind ? fieldsOf(kind, format).find((f) => f[0] === key) : undefined;
  return field && kind ? { kind, description: field[1] } : undefined;
}

export const FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'date', 'date-time', 'time', 'duration', 'password', 'email', 'idn-email', 'hostname', 'ipv4', 'ipv6', 'uri', 'uri-reference', 'iri', 'uuid', 'regex', 'json-pointer'];
export const TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'];
export const MEDIA_TYPES = ['application/json', 'application/problem+json', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', 'text/html', 'text/csv', 'application/octet-stream', 'application/pdf', 'image/png', 'image/jpeg', 'application/merge-patch+json', 'application/json-patch+json', 'application/x-ndjson', 'text/event-stream'];
export const STATUS_CODES: ReadonlyArray<readonly [string, string]> = [
  ['200', 'OK'], ['201', 'Created'], ['202', 'Accepted'], ['204', 'No Content'], ['206', 'Partial Content'],
  ['301', 'Moved Permanently'], ['302', 'Found'], ['303', 'See Other'], ['304', 'Not Modified'], ['307', 'Temporary Redirect'], ['308', 'Permanent Redirect'],
  ['400', 'Bad Request'], ['401', 'Unauthorized'], ['403', 'Forbidden'], ['404', 'Not Found'], ['405', 'Method Not Allowed'], ['406', 'Not Acceptable'],
  ['409', 'Conflict'], ['410', 'Gone'], ['412', 'Precondition Failed'], ['413', 'Content Too Large'], ['415', 'Unsupported Media Type'], ['422', 'Unprocessable Content'],
  ['428', 'Precondition Required'], ['429', 'Too Many Requests'], ['500', 'Internal Server Error'], ['501', 'Not Implemented'], ['502', 'Bad Gateway'],
  ['503', 'Service Unavailable'], ['504', 'Gateway Timeout'], ['2XX', 'Any success'], ['4XX', 'Any client error'], ['5XX', 'Any server error'], ['default', 'Any other response'],
];
export const PARAMETER_LOCATIONS: Record<'2' | '3', string[]> = { '2': ['query', 'header', 'path', 'formData', 'body'], '3': ['query', 'header', 'path', 'cookie'] };
