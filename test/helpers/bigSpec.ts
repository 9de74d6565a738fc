/**
 * A monolithic OpenAPI 3.0 description of about `megabytes` MB of YAML, generated (never
 * committed): `count` resources, each with a list/create path, an item path (get, patch, delete)
 * and a schema of twenty properties. Every resource has the same two style findings (a snake_case
 * property among camelCase ones and a timestamp without `format`), so the expected findings scale
 * with the size and are known.
 */
export function bigSpecYaml(megabytes: number): { text: string; resources: number } {
  const resource = (i: number) => {
    const name = `Resource${i}`;
    const props = Array.from({ length: 17 }, (_, p) => `        field${p}Value:\n          type: string\n          description: Field ${p} of resource ${i}, a plain string.\n          example: value-${i}-${p}\n`).join('');
    return {
      paths: [
        `  /resources${i}:\n`,
        `    get:\n      operationId: listResources${i}\n      summary: List resource ${i}\n      security:\n        - bearer: []\n      responses:\n        '200':\n          description: The resources.\n          content:\n            application/json:\n              schema:\n                type: array\n                items:\n                  $ref: '#/components/schemas/${name}'\n        '401':\n          description: Unauthorized.\n        '403':\n          description: Forbidden.\n`,
        `    post:\n      operationId: createResource${i}\n      security:\n        - bearer: []\n      requestBody:\n        content:\n          application/json:\n            schema:\n              $ref: '#/components/schemas/${name}'\n      responses:\n        '201':\n          description: Created.\n        '401':\n          description: Unauthorized.\n        '403':\n          description: Forbidden.\n`,
        `  /resources${i}/{resourceId}:\n`,
        `    parameters:\n      - name: resourceId\n        in: path\n        required: true\n        schema:\n          type: string\n`,
        `    get:\n      operationId: getResource${i}\n      security:\n        - bearer: []\n      responses:\n        '200':\n          description: The resource.\n          content:\n            application/json:\n              schema:\n                $ref: '#/components/schemas/${name}'\n        '401':\n          description: Unauthorized.\n        '403':\n          description: Forbidden.\n`,
        `    delete:\n      operationId: deleteResource${i}\n      security:\n        - bearer: []\n      responses:\n        '204':\n          description: Deleted.\n        '401':\n          description: Unauthorized.\n        '403':\n          description: Forbidden.\n`,
      ].join(''),
      schema: `    ${name}:\n      type: object\n      properties:\n        resourceId:\n          type: string\n${props}        updated_at:\n          type: string\n        createdAt:\n          type: string\n          format: date-time\n`,
    };
  };
  const sample = resource(0);
  const perResource = sample.paths.length + sample.schema.length;
  const resources = Math.max(1, Math.round((megabytes * 2 ** 20) / perResource));
  const paths: string[] = [];
  const schemas: string[] = [];
  for (let i = 0; i < resources; i++) {
    const r = resource(i);
    paths.push(r.paths);
    schemas.push(r.schema);
  }
  const head = 'openapi: 3.0.3\ninfo:\n  title: Monolith\n  version: 1.0.0\nsecurity:\n  - bearer: []\n';
  const components = `components:\n  securitySchemes:\n    bearer:\n      type: http\n      scheme: bearer\n  schemas:\n${schemas.join('')}`;
  return { text: `${head}paths:\n${paths.join('')}${components}`, resources };
}
