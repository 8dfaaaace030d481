// Checks shared by the schema tests: the editor shows a schema's descriptions on hover and in
// completion, so every property must carry one.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Reads `schemas/<name>` from the repository (tests run from out/test/unit). */
export function readSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(__dirname, '../../../../schemas', name), 'utf8')) as Record<string, unknown>;
}

/** Paths of properties without a description (a `$ref` to a described definition counts as described). */
export function undescribedProperties(schema: unknown): string[] {
  const missing: string[] = [];
  const walk = (node: unknown, where: string): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.properties && typeof n.properties === 'object') {
      for (const [key, sub] of Object.entries(n.properties as Record<string, unknown>)) {
        if (sub && typeof sub === 'object' && typeof (sub as Record<string, unknown>).description !== 'string' && typeof (sub as Record<string, unknown>).$ref !== 'string') {
          missing.push(`${where}.${key}`);
        }
      }
    }
    for (const [key, child] of Object.entries(n)) {
      // Branches that only constrain (anyOf alternatives, the `if` of if/then) carry no documentation.
      if (key === 'anyOf' || key === 'if') continue;
      walk(child, `${where}.${key}`);
    }
  };
  walk(schema, '#');
  return missing;
}
