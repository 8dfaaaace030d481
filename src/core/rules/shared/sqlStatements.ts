// A small SQL reader for the data rules (delete-without-filter, destructive-migration,
// unguarded-status-transition, missing-transaction, read-modify-write-race). It does not parse
// SQL; it splits text into tokens with their parenthesis depth, so a rule can ask questions such
// as "does this DELETE have a WHERE at its own level?" without being fooled by a WHERE inside a
// sub-query, a comment or a quoted string.
//
// Text that came from a template substitution or a concatenated value is marked with HOLE: the
// rules treat a hole standing where a clause could be as "cannot tell" (precision first).

/** Stands for a value the rule cannot read (a `${…}` substitution or a concatenated variable). */
export const HOLE = '\u0000';

export type SqlTokenKind = 'word' | 'string' | 'number' | 'param' | 'hole' | 'punct';

export interface SqlToken {
  kind: SqlTokenKind;
  /** The token as written (a quoted identifier without its quotes, a string without its quotes). */
  text: string;
  /** Upper-case text, for keyword comparisons (only meaningful for words). */
  upper: string;
  /** Parenthesis depth: 0 at the statement's own level. */
  depth: number;
}

const WORD_START = /[A-Za-z_\u00c0-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u00c0-\uffff]/;

/** Splits SQL text into tokens; comments are dropped, quoted strings and identifiers kept whole. */
export function tokenizeSql(sql: string): SqlToken[] {
  const out: SqlToken[] = [];
  let depth = 0;
  let i = 0;
  const n = sql.length;
  const push = (kind: SqlTokenKind, text: string, d = depth) => out.push({ kind, text, upper: kind === 'word' ? text.toUpperCase() : text, depth: d });
  while (i < n) {
    const c = sql[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
      continue;
    }
    if (c === '-' && sql[i + 1] === '-') {
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(sql[i - 1]))) {
      // MySQL line comment
      while (i < n && sql[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === HOLE) {
      push('hole', HOLE);
      i++;
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let text = '';
      while (j < n) {
        if (sql[j] === "'" && sql[j + 1] === "'") {
          text += "'";
          j += 2;
          continue;
        }
        if (sql[j] === "'") break;
        text += sql[j];
        j++;
      }
      push('string', text);
      i = j + 1;
      continue;
    }
    if (c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      const end = sql.indexOf(close, i + 1);
      const text = sql.slice(i + 1, end < 0 ? n : end);
      push(text.includes(HOLE) ? 'hole' : 'word', text);
      i = end < 0 ? n : end + 1;
      continue;
    }
    if (c === '$' && sql[i + 1] === '$') {
      const end = sql.indexOf('$$', i + 2);
      push('string', sql.slice(i + 2, end < 0 ? n : end));
      i = end < 0 ? n : end + 2;
      continue;
    }
    if ((c === '$' || c === ':' || c === '@') && i + 1 < n && WORD_PART.test(sql[i + 1]) && !(c === ':' && sql[i - 1] === ':')) {
      let j = i + 1;
      while (j < n && WORD_PART.test(sql[j])) j++;
      push('param', sql.slice(i, j));
      i = j;
      continue;
    }
    if (c === '?') {
      push('param', '?');
      i++;
      continue;
    }
    if (/[0-9]/.test(c)) {
      let j = i + 1;
      while (j < n && /[0-9.eE]/.test(sql[j])) j++;
      push('number', sql.slice(i, j));
      i = j;
      continue;
    }
    if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < n && WORD_PART.test(sql[j])) j++;
      push('word', sql.slice(i, j));
      i = j;
      continue;
    }
    if (c === '(') {
      push('punct', '(');
      depth++;
      i++;
      continue;
    }
    if (c === ')') {
      depth = Math.max(0, depth - 1);
      push('punct', ')');
      i++;
      continue;
    }
    if (c === '|' && sql[i + 1] === '|') {
      push('punct', '||');
      i += 2;
      continue;
    }
    push('punct', c);
    i++;
  }
  return out;
}

/** The statements of a token list, split at `;` on the outermost level. */
export function splitStatements(tokens: readonly SqlToken[]): SqlToken[][] {
  const out: SqlToken[][] = [];
  let current: SqlToken[] = [];
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === ';' && t.depth === 0) {
      if (current.length) out.push(current);
      current = [];
      continue;
    }
    current.push(t);
  }
  if (current.length) out.push(current);
  return out;
}

/** Every statement of a piece of SQL text. */
export function sqlStatements(sql: string): SqlToken[][] {
  return splitStatements(tokenizeSql(sql));
}

const VERBS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'MERGE', 'REPLACE', 'ALTER', 'DROP', 'CREATE', 'RENAME', 'BEGIN', 'START', 'COMMIT', 'ROLLBACK', 'LOCK', 'CALL', 'EXEC', 'EXECUTE', 'UPSERT', 'SET', 'VALUES', 'SHOW', 'GRANT', 'REVOKE', 'COMMENT']);

/** The statement's main verb (after any `WITH … AS (…)` prefix) and its index. */
export function statementVerb(stmt: readonly SqlToken[]): { verb: string; index: number; depth: number } | undefined {
  if (!stmt.length) return undefined;
  const top = Math.min(...stmt.map((t) => t.depth));
  for (let i = 0; i < stmt.length; i++) {
    const t = stmt[i];
    if (t.depth !== top || t.kind !== 'word') continue;
    if (VERBS.has(t.upper)) return { verb: t.upper, index: i, depth: top };
    if (t.upper !== 'WITH' && t.upper !== 'RECURSIVE' && t.upper !== 'AS' && i === 0) return undefined;
  }
  return undefined;
}

interface TableRef {
  name: string;
  /** Index of the first token after the name. */
  next: number;
}

const TABLE_MODIFIERS = new Set(['ONLY', 'IGNORE', 'LOW_PRIORITY', 'QUICK', 'DELAYED', 'HIGH_PRIORITY', 'TABLE', 'IF', 'EXISTS', 'NOT', 'INTO', 'FROM']);

/** Reads a table name (`t`, `schema.t`, `"Quoted"`, a hole) at `i`, skipping modifiers like ONLY. */
function readTable(stmt: readonly SqlToken[], i: number, depth: number): TableRef | undefined {
  let j = i;
  while (j < stmt.length && stmt[j].kind === 'word' && stmt[j].depth === depth && TABLE_MODIFIERS.has(stmt[j].upper)) j++;
  const first = stmt[j];
  if (!first || first.depth !== depth || (first.kind !== 'word' && first.kind !== 'hole')) return undefined;
  let name = first.kind === 'hole' ? HOLE : first.text;
  j++;
  while (stmt[j]?.kind === 'punct' && stmt[j].text === '.' && stmt[j + 1] && (stmt[j + 1].kind === 'word' || stmt[j + 1].kind === 'hole')) {
    name += `.${stmt[j + 1].kind === 'hole' ? HOLE : stmt[j + 1].text}`;
    j += 2;
  }
  // PostgreSQL `ONLY t *`
  if (stmt[j]?.kind === 'punct' && stmt[j].text === '*') j++;
  return { name, next: j };
}

const DELETE_STOPPERS = new Set(['WHERE', 'LIMIT', 'USING', 'JOIN', 'CURRENT']);
const UPDATE_STOPPERS = new Set(['WHERE', 'LIMIT', 'FROM', 'JOIN', 'CURRENT']);
/** Tokens after which a hole is a value, not a clause. */
const VALUE_CONTEXT = new Set(['=', ',', '(', '+', '-', '*', '/', '%', '||', '<', '>', ':', '!']);

/**
 * `DELETE` / `UPDATE` / `TRUNCATE` when the statement touches every row of its table: a DELETE FROM
 * or UPDATE … SET with no WHERE (nor LIMIT, USING, JOIN) on its own level, or any TRUNCATE.
 * Undefined when the statement is filtered, is something else, or a hole could be the filter.
 */
export function unfilteredWrite(stmt: readonly SqlToken[]): 'DELETE' | 'UPDATE' | 'TRUNCATE' | undefined {
  const v = statementVerb(stmt);
  if (!v) return undefined;
  const d = v.depth;
  if (v.verb === 'TRUNCATE') return 'TRUNCATE';
  if (v.verb === 'DELETE') {
    const from = stmt[v.index + 1];
    if (!from || from.upper !== 'FROM' || from.depth !== d) return undefined;
    const table = readTable(stmt, v.index + 2, d);
    if (!table) return undefined;
    for (let i = table.next; i < stmt.length; i++) {
      const t = stmt[i];
      if (t.depth !== d) continue;
      if (t.kind === 'word' && DELETE_STOPPERS.has(t.upper)) return undefined;
      if (t.kind === 'hole') return undefined;
    }
    return 'DELETE';
  }
  if (v.verb === 'UPDATE') {
    const table = readTable(stmt, v.index + 1, d);
    if (!table) return undefined;
    let i = table.next;
    // an alias: `UPDATE orders o SET …` / `UPDATE orders AS o SET …`
    if (stmt[i]?.upper === 'AS') i++;
    if (stmt[i]?.kind === 'word' && stmt[i].upper !== 'SET') i++;
    if (stmt[i]?.upper !== 'SET' || stmt[i].depth !== d) return undefined;
    for (let k = i + 1; k < stmt.length; k++) {
      const t = stmt[k];
      if (t.depth !== d) continue;
      if (t.kind === 'word' && UPDATE_STOPPERS.has(t.upper)) return undefined;
      if (t.kind === 'hole') {
        const prev = previousAtDepth(stmt, k, d);
        if (!prev || prev.kind !== 'punct' || !VALUE_CONTEXT.has(prev.text)) return undefined;
      }
    }
    return 'UPDATE';
  }
  return undefined;
}

function previousAtDepth(stmt: readonly SqlToken[], k: number, d: number): SqlToken | undefined {
  for (let i = k - 1; i >= 0; i--) if (stmt[i].depth <= d) return stmt[i];
  return undefined;
}

/** The table a write statement changes (INSERT INTO t, UPDATE t, DELETE FROM t, MERGE INTO t, TRUNCATE t), lower-cased. */
export function writtenTable(stmt: readonly SqlToken[]): string | undefined {
  const v = statementVerb(stmt);
  if (!v) return undefined;
  const d = v.depth;
  let ref: TableRef | undefined;
  switch (v.verb) {
    case 'INSERT':
    case 'REPLACE':
    case 'UPSERT':
    case 'MERGE':
    case 'TRUNCATE':
      ref = readTable(stmt, v.index + 1, d);
      break;
    case 'UPDATE':
      ref = readTable(stmt, v.index + 1, d);
      break;
    case 'DELETE': {
      const from = stmt[v.index + 1];
      ref = from?.upper === 'FROM' ? readTable(stmt, v.index + 2, d) : undefined;
      break;
    }
    default:
      return undefined;
  }
  if (!ref || ref.name.includes(HOLE)) return undefined;
  return ref.name.toLowerCase();
}

/** The first table a SELECT reads (`SELECT … FROM t`), lower-cased; undefined when unknown. */
export function selectedTable(stmt: readonly SqlToken[]): string | undefined {
  const v = statementVerb(stmt);
  if (!v || v.verb !== 'SELECT') return undefined;
  for (let i = v.index + 1; i < stmt.length; i++) {
    if (stmt[i].depth !== v.depth || stmt[i].upper !== 'FROM') continue;
    const ref = readTable(stmt, i + 1, v.depth);
    return ref && !ref.name.includes(HOLE) ? ref.name.toLowerCase() : undefined;
  }
  return undefined;
}

/** True for `BEGIN`, `START TRANSACTION`, `BEGIN TRANSACTION`, `SET TRANSACTION …`. */
export function isBeginStatement(stmt: readonly SqlToken[]): boolean {
  const first = stmt[0];
  if (!first || first.kind !== 'word') return false;
  if (first.upper === 'BEGIN') return true;
  if (first.upper === 'START' && stmt[1]?.upper === 'TRANSACTION') return true;
  return false;
}

/** A lock taken by a statement: FOR UPDATE, FOR NO KEY UPDATE, FOR SHARE, FOR KEY SHARE, LOCK IN SHARE MODE, LOCK TABLE, advisory locks. */
export function hasRowLock(stmt: readonly SqlToken[]): boolean {
  for (let i = 0; i < stmt.length; i++) {
    const t = stmt[i];
    if (t.kind !== 'word') continue;
    if (t.upper === 'FOR') {
      const a = stmt[i + 1]?.upper;
      if (a === 'UPDATE' || a === 'SHARE' || (a === 'NO' && stmt[i + 2]?.upper === 'KEY') || (a === 'KEY' && stmt[i + 2]?.upper === 'SHARE')) return true;
    }
    if (t.upper === 'LOCK' && stmt[i + 1]?.upper === 'IN' && stmt[i + 2]?.upper === 'SHARE') return true;
    // LOCK TABLE …, pg_advisory_xact_lock(…), MySQL GET_LOCK(…)
    if (t.upper === 'LOCK' && i === 0) return true;
    if (/ADVISORY.*LOCK|^GET_LOCK$/.test(t.upper)) return true;
  }
  return false;
}

export interface SetLiteral {
  column: string;
  value: string;
  /** The WHERE clause exists on the statement's level. */
  hasWhere: boolean;
  /** Lower-cased words of the WHERE clause (column names, keywords), or undefined when a hole could hide more. */
  whereWords?: Set<string>;
}

/**
 * `UPDATE t SET <column> = '<literal>' … WHERE …`: the first SET assignment of a column whose
 * name passes `isColumn` to a string or number literal (or to a parameter bound to one).
 */
export function updateSetsLiteral(
  stmt: readonly SqlToken[],
  isColumn: (name: string) => boolean,
  /** The literal bound to a parameter (`$2`, the third `?`), when the caller can see the values. */
  resolveParam?: (param: string, ordinal: number) => string | undefined,
): SetLiteral | undefined {
  const v = statementVerb(stmt);
  if (!v || v.verb !== 'UPDATE') return undefined;
  const d = v.depth;
  const setAt = stmt.findIndex((t, i) => i > v.index && t.depth === d && t.upper === 'SET');
  if (setAt < 0) return undefined;
  let whereAt = -1;
  for (let i = setAt + 1; i < stmt.length; i++) {
    if (stmt[i].depth === d && stmt[i].kind === 'word' && (stmt[i].upper === 'WHERE' || stmt[i].upper === 'RETURNING' || stmt[i].upper === 'FROM')) {
      if (stmt[i].upper === 'WHERE') whereAt = i;
      break;
    }
  }
  const setEnd = whereAt >= 0 ? whereAt : stmt.length;
  let found: { column: string; value: string } | undefined;
  for (let i = setAt + 1; i < setEnd; i++) {
    const t = stmt[i];
    if (t.depth !== d || t.kind !== 'punct' || t.text !== '=') continue;
    const col = stmt[i - 1];
    const val = stmt[i + 1];
    const after = stmt[i + 2];
    if (!col || col.kind !== 'word' || !val) continue;
    const valueEnds = !after || after.depth < d || (after.depth === d && ((after.kind === 'punct' && after.text === ',') || (after.kind === 'word' && (after.upper === 'WHERE' || after.upper === 'RETURNING' || after.upper === 'FROM'))));
    if (!valueEnds || !isColumn(col.text)) continue;
    if (val.kind === 'string' || val.kind === 'number') {
      found = { column: col.text, value: val.text };
      break;
    }
    if (val.kind === 'param' && resolveParam) {
      const ordinal = stmt.slice(0, i + 2).filter((t) => t.kind === 'param' && t.text === '?').length;
      const bound = resolveParam(val.text, ordinal);
      if (bound !== undefined) {
        found = { column: col.text, value: bound };
        break;
      }
    }
  }
  if (!found) return undefined;
  if (whereAt < 0) return { ...found, hasWhere: false };
  const words = new Set<string>();
  let hole = false;
  for (let i = whereAt + 1; i < stmt.length; i++) {
    const t = stmt[i];
    if (t.kind === 'word') words.add(t.text.toLowerCase());
    if (t.kind === 'hole') {
      // a value after `=`, `,`, `(`: a parameter; anywhere else it could add a condition
      const prev = stmt[i - 1];
      if (!prev || prev.kind !== 'punct' || !VALUE_CONTEXT.has(prev.text)) hole = true;
    }
  }
  return { ...found, hasWhere: true, whereWords: hole ? undefined : words };
}

export type DdlChange = 'drop-table' | 'drop-column' | 'rename-column' | 'rename-table' | 'not-null';

const DROP_NOT_COLUMN = new Set(['CONSTRAINT', 'INDEX', 'KEY', 'DEFAULT', 'NOT', 'PRIMARY', 'FOREIGN', 'CHECK', 'PARTITION', 'IDENTITY', 'EXPRESSION', 'TRIGGER', 'PERIOD', 'SYSTEM', 'UNIQUE']);
const ADD_NOT_COLUMN = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'INDEX', 'KEY', 'FOREIGN', 'CHECK', 'FULLTEXT', 'SPATIAL', 'PARTITION', 'EXCLUDE', 'PERIOD', 'SYSTEM']);
const RENAME_NOT_COLUMN = new Set(['CONSTRAINT', 'INDEX', 'KEY']);
/** Column types and clauses that fill a NOT NULL column by themselves. */
const SELF_FILLING = new Set(['SERIAL', 'BIGSERIAL', 'SMALLSERIAL', 'SERIAL4', 'SERIAL8', 'SERIAL2', 'GENERATED', 'IDENTITY', 'AUTO_INCREMENT', 'AUTOINCREMENT']);

/**
 * The changes of a DDL statement that break an expand/contract rollback: DROP TABLE, DROP COLUMN,
 * column and table renames, and NOT NULL added to an existing table without a default.
 */
export function destructiveChanges(stmt: readonly SqlToken[]): DdlChange[] {
  const v = statementVerb(stmt);
  if (!v) return [];
  const d = v.depth;
  const next = stmt[v.index + 1];
  if (v.verb === 'DROP') return next?.upper === 'TABLE' ? ['drop-table'] : [];
  if (v.verb === 'RENAME') return next?.upper === 'TABLE' ? ['rename-table'] : [];
  if (v.verb !== 'ALTER' || next?.upper !== 'TABLE') return [];
  const table = readTable(stmt, v.index + 2, d);
  if (!table) return [];
  // split the actions at top-level commas
  const actions: SqlToken[][] = [];
  let current: SqlToken[] = [];
  for (let i = table.next; i < stmt.length; i++) {
    const t = stmt[i];
    if (t.depth === d && t.kind === 'punct' && t.text === ',') {
      actions.push(current);
      current = [];
      continue;
    }
    current.push(t);
  }
  actions.push(current);
  const setsDefault = stmt.some((t, i) => t.upper === 'SET' && stmt[i + 1]?.upper === 'DEFAULT');
  const out: DdlChange[] = [];
  for (const a of actions) {
    const top = a.filter((t) => t.depth === d);
    const w0 = top[0]?.upper;
    const w1 = top[1]?.upper;
    if (w0 === 'DROP') {
      if (w1 === 'COLUMN' || (top[1] && top[1].kind === 'word' && !DROP_NOT_COLUMN.has(w1 ?? ''))) out.push('drop-column');
    } else if (w0 === 'RENAME') {
      if (w1 === 'TO' || w1 === 'AS') out.push('rename-table');
      else if (w1 === 'COLUMN' || (top[1] && !RENAME_NOT_COLUMN.has(w1 ?? '') && top.some((t) => t.upper === 'TO'))) out.push('rename-column');
    } else if (w0 === 'ALTER') {
      const setNotNull = top.some((t, i) => t.upper === 'SET' && top[i + 1]?.upper === 'NOT' && top[i + 2]?.upper === 'NULL');
      if (setNotNull && !setsDefault) out.push('not-null');
    } else if (w0 === 'ADD') {
      if (top[1] && ADD_NOT_COLUMN.has(w1 ?? '')) continue;
      if (top[1]?.kind === 'punct') continue; // ADD (a …, b …): several columns at once, not read
      const notNull = top.some((t, i) => t.upper === 'NOT' && top[i + 1]?.upper === 'NULL');
      const hasDefault = a.some((t) => t.upper === 'DEFAULT');
      const selfFilling = a.some((t) => t.kind === 'word' && SELF_FILLING.has(t.upper));
      if (notNull && !hasDefault && !selfFilling) out.push('not-null');
    }
  }
  return out;
}
