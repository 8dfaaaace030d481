// JSON Schema validation (ajv, draft-07) of the workspace files, with every error turned into a
// `file:line:column: problem` a person can act on: the offending key or value is located in the
// YAML/JSON text, and the message says what is wrong and what is allowed.
//
// Schemas may carry `errorMessage` (also understood by the VS Code JSON/YAML editors): the
// message to show when that schema fails, instead of ajv's generic wording and of the errors
// of its `anyOf`/`oneOf` branches.
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { FileProblem } from './fileProblems';
import { formatPath, type LocatedDocument } from './sourcePositions';

let shared: Ajv | undefined;

function ajv(): Ajv {
  if (!shared) {
    shared = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
    shared.addKeyword('errorMessage');
    shared.addKeyword('markdownDescription');
  }
  return shared;
}

/** Compiles a draft-07 schema once; the result is cached by the caller. */
export function compileSchema(schema: object): ValidateFunction {
  return ajv().compile(schema);
}

/** Validates `doc.value` against `validate` and returns the located problems (empty when valid). */
export function schemaProblems(validate: ValidateFunction, doc: LocatedDocument): FileProblem[] {
  if (validate(doc.value)) return [];
  const errors = validate.errors ?? [];
  // Errors replaced by an enclosing schema's errorMessage (e.g. the branches of an anyOf).
  const covering = errors.filter((e) => hasErrorMessage(e) && (e.keyword === 'anyOf' || e.keyword === 'oneOf'));
  const problems: FileProblem[] = [];
  for (const err of errors) {
    if (err.keyword === 'if') continue; // a wrapper; the failing `then`/`else` errors follow
    if ((err as { propertyName?: string }).propertyName !== undefined) continue; // told by its `propertyNames` error
    if (covering.some((c) => c !== err && err.schemaPath.startsWith(`${c.schemaPath}/`) && err.instancePath.startsWith(c.instancePath))) continue;
    const path = toPath(err.instancePath, doc.value);
    const { message, at } = describe(err, path);
    const pos = doc.locate(at.path, at.target);
    problems.push({ file: doc.file, line: pos.line, column: pos.column, message });
  }
  return problems;
}

function hasErrorMessage(err: ErrorObject): boolean {
  const ps = err.parentSchema as { errorMessage?: unknown } | undefined;
  return typeof ps?.errorMessage === 'string';
}

/** JSON pointer → path steps; list indexes become numbers. */
function toPath(pointer: string, root: unknown): (string | number)[] {
  if (pointer === '') return [];
  const out: (string | number)[] = [];
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur) && /^\d+$/.test(step)) {
      out.push(Number(step));
      cur = cur[Number(step)];
    } else {
      out.push(step);
      cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[step] : undefined;
    }
  }
  return out;
}

/** `a string`, `a list`, … for the JSON Schema type names. */
export function typeNoun(type: string): string {
  switch (type) {
    case 'object':
      return 'a map';
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'null':
      return 'empty';
    default:
      return type;
  }
}

/** How a value found in the file reads in a message: `"abc"`, `42`, `a list`, `a map`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

interface Described {
  message: string;
  at: { path: (string | number)[]; target: 'key' | 'value' };
}

function describe(err: ErrorObject, path: (string | number)[]): Described {
  const name = path.length === 0 ? 'the file' : formatPath(path);
  const ps = err.parentSchema as { errorMessage?: string; properties?: Record<string, unknown> } | undefined;
  const custom = typeof ps?.errorMessage === 'string' ? ps.errorMessage : undefined;
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(ps?.properties ?? {});
      const where = path.length === 0 ? 'at the top level' : `in ${name}`;
      const hint = allowed.length > 0 ? `; allowed keys: ${allowed.join(', ')}` : '';
      return { message: `unknown key "${key}" ${where}${hint}`, at: { path: [...path, key], target: 'key' } };
    }
    case 'propertyNames': {
      const key = String(params.propertyName);
      const sub = err.schema as { errorMessage?: unknown } | undefined;
      const why = typeof sub?.errorMessage === 'string' ? `: ${sub.errorMessage}` : '';
      return { message: `invalid key "${key}" in ${name}${why}`, at: { path: [...path, key], target: 'key' } };
    }
    case 'required':
      if (custom) return { message: `${name} ${custom}`, at: { path, target: 'key' } };
      return { message: `${name} is missing the required key "${String(params.missingProperty)}"`, at: { path, target: 'key' } };
    case 'dependencies':
      return {
        message: `${name} has "${String(params.property)}" but not "${String(params.missingProperty)}"; give both`,
        at: { path, target: 'key' },
      };
    default:
      break;
  }
  const at = { path, target: 'value' as const };
  if (custom) {
    const found = err.data !== null && typeof err.data === 'object' ? '' : `, not ${describeValue(err.data)}`;
    return { message: `${name} ${custom}${found}`, at };
  }
  switch (err.keyword) {
    case 'type': {
      const types = String(params.type).split(',');
      return { message: `${name} must be ${types.map(typeNoun).join(' or ')}, not ${describeValue(err.data)}`, at };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map((v) => String(v));
      return { message: `${name} must be one of ${allowed.join(', ')}, not ${describeValue(err.data)}`, at };
    }
    case 'const':
      return { message: `${name} must be ${describeValue(params.allowedValue)}, not ${describeValue(err.data)}`, at };
    case 'minLength':
      return Number(params.limit) === 1
        ? { message: `${name} must not be empty`, at }
        : { message: `${name} must be at least ${String(params.limit)} characters long`, at };
    case 'minimum':
      return { message: `${name} must be at least ${String(params.limit)}, not ${describeValue(err.data)}`, at };
    case 'pattern':
      return { message: `${name} has an unexpected form: ${describeValue(err.data)}`, at };
    case 'uniqueItems':
      return { message: `${name} lists the same value twice (items ${String(params.j)} and ${String(params.i)})`, at };
    default:
      return { message: `${name} ${err.message ?? 'is invalid'}`, at };
  }
}
