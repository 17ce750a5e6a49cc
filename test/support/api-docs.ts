interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    schema?: { type?: string; default?: unknown };
  }>;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}

interface Spec {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

/** Renders the OpenAPI document as a Markdown reference, grouped by tag. */
export function renderApiMarkdown(spec: Spec): string {
  const byTag = new Map<string, string[]>();
  for (const [route, methods] of Object.entries(spec.paths).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = op.tags?.[0] ?? 'other';
      const lines = byTag.get(tag) ?? [];
      lines.push(renderOperation(method.toUpperCase(), route, op));
      byTag.set(tag, lines);
    }
  }
  const sections = [...byTag.entries()].map(([tag, ops]) => `## ${tag}\n\n${ops.join('\n')}`);
  return [
    `# ${spec.info.title} ${spec.info.version}`,
    '',
    '_Generated from the route schemas by `npm run docs:api`; do not edit by hand._',
    'The machine-readable document is served at `/openapi.json`, interactive docs at `/docs`.',
    '',
    spec.info.description ?? '',
    '',
    'Errors always have the shape `{"error": {"code", "message", "details"?}}`.',
    '',
    ...sections,
  ].join('\n');
}

function renderOperation(method: string, route: string, op: Operation): string {
  const auth = Array.isArray(op.security) && op.security.length === 0 ? ' (public)' : '';
  const params = (op.parameters ?? [])
    .map(
      (p) =>
        `\`${p.name}\` (${p.in}${p.required ? ', required' : ''}${p.schema?.type ? `, ${p.schema.type}` : ''})`,
    )
    .join(', ');
  const statuses = Object.keys(op.responses ?? {}).join(', ');
  return [
    `### \`${method} ${route}\`${auth}`,
    '',
    op.summary ?? '',
    '',
    ...(params ? [`- Parameters: ${params}`] : []),
    ...(op.requestBody ? ['- Body: JSON (see `/openapi.json`)'] : []),
    `- Responses: ${statuses}`,
    '',
  ].join('\n');
}
