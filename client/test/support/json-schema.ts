// A small JSON-schema checker for the keywords the config schema uses (type, enum, properties,
// additionalProperties, items, minItems, maxItems, oneOf, pattern, local $ref), to test the schema.

type Schema = Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, value: unknown): boolean {
  const actual = typeOf(value);
  return expected === actual || (expected === 'number' && actual === 'integer');
}

/** The problems of `value` against `schema` (empty when valid); `root` resolves "#/definitions/…". */
export function schemaProblems(schema: Schema, value: unknown, root: Schema = schema, at = ''): string[] {
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (node as Schema)[key], root);
    if (typeof target !== 'object' || target === null) return [`${at}: unresolved $ref ${ref}`];
    return schemaProblems(target as Schema, value, root, at);
  }
  const problems: string[] = [];
  const type = schema['type'];
  if (typeof type === 'string' && !typeMatches(type, value)) return [`${at}: expected ${type}, got ${typeOf(value)}`];
  const allowed = schema['enum'];
  if (Array.isArray(allowed) && !allowed.some((option) => option === value)) {
    problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)}`);
  }
  const pattern = schema['pattern'];
  if (typeof pattern === 'string' && typeof value === 'string' && !new RegExp(pattern, 'u').test(value)) {
    problems.push(`${at}: ${JSON.stringify(value)} does not match ${pattern}`);
  }
  const oneOf = schema['oneOf'];
  if (Array.isArray(oneOf)) {
    const matching = oneOf.filter((option) => schemaProblems(option as Schema, value, root, at).length === 0);
    if (matching.length !== 1) problems.push(`${at}: matches ${matching.length} of the oneOf alternatives`);
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>;
    const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const [key, member] of Object.entries(record)) {
      const memberSchema = properties[key];
      if (memberSchema) problems.push(...schemaProblems(memberSchema, member, root, `${at}/${key}`));
      else if (schema['additionalProperties'] === false) problems.push(`${at}: unknown property ${key}`);
    }
  }
  if (Array.isArray(value)) {
    const items = schema['items'];
    if (typeof items === 'object' && items !== null) {
      value.forEach((item, i) => problems.push(...schemaProblems(items as Schema, item, root, `${at}/${i}`)));
    }
    const min = schema['minItems'];
    const max = schema['maxItems'];
    if (typeof min === 'number' && value.length < min) problems.push(`${at}: fewer than ${min} items`);
    if (typeof max === 'number' && value.length > max) problems.push(`${at}: more than ${max} items`);
  }
  return problems;
}
