import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SYSTEM_TYPE_IDS } from '../../src/core/model';
import { CONFIG_DIR, CONFIG_FILE, ConfigError, DEFAULT_CONFIG, loadConfig, parseConfig, type KnownRule, type ProductionAuditConfig } from '../../src/core/audit/config';
import { readSchema, undescribedProperties } from './helpers/schemaDocs';

const KNOWN: KnownRule[] = [
  { id: 'missing-timeout', options: { timeoutMs: 30000, methods: ['get', 'post'] } },
  { id: 'swallowed-exception', options: { allowComments: true } },
  { id: 'n-plus-one', options: {} },
];
const SYSTEM_TYPES = ['ai-pipeline', 'saas', 'e-commerce', 'api-platform', 'general']; // a caller's own list
const FILE = '/ws/.production-audit/config.yaml';

/** The error lines for `text`, or a failure when the text is accepted. */
function problems(text: string, systemTypeIds?: readonly string[]): string[] {
  try {
    parseConfig(text, FILE, { knownRules: KNOWN, systemTypeIds });
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected ConfigError, got ${String(e)}`);
    const lines = e.message.split('\n');
    assert.equal(lines.length, e.problems.length);
    assert.deepEqual(
      e.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`),
      lines,
    );
    return lines;
  }
  assert.fail('the config was accepted');
}

function parse(text: string): ProductionAuditConfig {
  return parseConfig(text, FILE, { knownRules: KNOWN, systemTypeIds: SYSTEM_TYPES });
}

describe('config.yaml: valid files', () => {
  it('an empty file, or one with only comments, gives the defaults', () => {
    assert.deepEqual(parse(''), DEFAULT_CONFIG);
    assert.deepEqual(parse('# nothing configured yet\n\n'), DEFAULT_CONFIG);
    assert.deepEqual(DEFAULT_CONFIG, {
      version: 1,
      include: ['**/*'],
      exclude: [],
      rules: {},
      recognizers: { http: [], db: [], logger: [], retry: [], llm: [], payment: [] },
      failOn: 'high',
    });
  });

  it('reads every key: rule shorthands in any letter case, rule maps, the three recognizer forms, failOn', () => {
    const config = parse(
      [
        'version: 1',
        'systemType: e-commerce',
        'include: ["src/**/*.ts", "lib/**"]',
        'exclude:',
        '  - "**/*.generated.ts"',
        'rules:',
        '  missing-timeout:',
        '    severity: critical',
        '    options:',
        '      timeoutMs: 5000',
        '      methods: [get]',
        '  swallowed-exception: Off',
        '  n-plus-one: medium',
        'recognizers:',
        '  http:',
        '    - module: ./lib/httpClient',
        '      export: httpClient',
        '      methods: [get, post]',
        '  db:',
        '    - type: OrderRepository',
        '  logger:',
        '    - global: $log',
        'failOn: MEDIUM',
        '',
      ].join('\n'),
    );
    assert.deepEqual(config, {
      version: 1,
      systemType: 'e-commerce',
      include: ['src/**/*.ts', 'lib/**'],
      exclude: ['**/*.generated.ts'],
      rules: {
        'missing-timeout': { enabled: true, severity: 'CRITICAL', options: { timeoutMs: 5000, methods: ['get'] } },
        'swallowed-exception': { enabled: false, options: {} },
        'n-plus-one': { enabled: true, severity: 'MEDIUM', options: {} },
      },
      recognizers: {
        http: [{ module: './lib/httpClient', export: 'httpClient', methods: ['get', 'post'] }],
        db: [{ type: 'OrderRepository' }],
        logger: [{ global: '$log' }],
        retry: [],
        llm: [],
        payment: [],
      },
      failOn: 'medium',
    });
  });

  it('accepts on, true/false and enabled: false with a severity', () => {
    const config = parse('rules:\n  missing-timeout: on\n  n-plus-one: false\n  swallowed-exception:\n    enabled: false\n    severity: LOW\n');
    assert.deepEqual(config.rules, {
      'missing-timeout': { enabled: true, options: {} },
      'n-plus-one': { enabled: false, options: {} },
      'swallowed-exception': { enabled: false, severity: 'LOW', options: {} },
    });
  });

  it('checks the system type against the model\'s ids unless the caller gives its own list', () => {
    assert.equal(parseConfig('systemType: ecommerce\n', FILE, { knownRules: KNOWN }).systemType, 'ecommerce');
    assert.equal(parseConfig('systemType: e-commerce\n', FILE, { knownRules: KNOWN, systemTypeIds: SYSTEM_TYPES }).systemType, 'e-commerce');
    assert.throws(
      () => parseConfig('systemType: e-commerce\n', FILE, { knownRules: KNOWN }),
      (e: unknown) => e instanceof ConfigError && e.message === `${FILE}:1:13: unknown system type "e-commerce"; did you mean "ecommerce"? (known: ${SYSTEM_TYPE_IDS.join(', ')})`,
    );
  });
});

describe('config.yaml: every problem reported as file:line:column', () => {
  it('YAML syntax error (mis-indented key)', () => {
    assert.deepEqual(problems('rules:\n  missing-timeout: off\n bad: 1\n'), [`${FILE}:3:1: YAML syntax error: All mapping items must start at the same column`]);
  });

  it('duplicate key', () => {
    assert.deepEqual(problems('failOn: high\nfailOn: low\n'), [`${FILE}:2:1: YAML syntax error: Map keys must be unique`]);
  });

  it('tab indentation', () => {
    assert.deepEqual(problems('rules:\n\tmissing-timeout: off\n'), [`${FILE}:2:1: YAML syntax error: Tabs are not allowed as indentation`]);
  });

  it('unknown top-level key, with the allowed keys', () => {
    assert.deepEqual(problems('version: 1\nrule:\n  missing-timeout: off\n'), [
      `${FILE}:2:1: unknown key "rule" at the top level; allowed keys: version, systemType, include, exclude, rules, recognizers, failOn`,
    ]);
  });

  it('unknown rule id: the closest known id is suggested', () => {
    assert.deepEqual(problems('rules:\n  missing-timout: off\n'), [`${FILE}:2:3: unknown rule "missing-timout"; did you mean "missing-timeout"?`]);
    assert.deepEqual(problems('rules:\n  timeout: HIGH\n'), [`${FILE}:2:3: unknown rule "timeout"; did you mean "missing-timeout"?`]);
  });

  it('unknown rule id far from every known id: the known ids are listed', () => {
    assert.deepEqual(problems('rules:\n  completely-different-thing: off\n'), [
      `${FILE}:2:3: unknown rule "completely-different-thing" (known rules: missing-timeout, n-plus-one, swallowed-exception)`,
    ]);
  });

  it('unknown option name', () => {
    assert.deepEqual(problems('rules:\n  missing-timeout:\n    options:\n      timeoutMS: 100\n'), [
      `${FILE}:4:7: unknown option "timeoutMS" for rule "missing-timeout"; did you mean "timeoutMs"?`,
    ]);
    assert.deepEqual(problems('rules:\n  n-plus-one:\n    options:\n      depth: 2\n'), [`${FILE}:4:7: unknown option "depth" for rule "n-plus-one" (it has no options)`]);
  });

  it('option of the wrong type (checked against the default)', () => {
    assert.deepEqual(problems('rules:\n  missing-timeout:\n    options:\n      timeoutMs: "5s"\n'), [
      `${FILE}:4:18: rules.missing-timeout.options.timeoutMs must be a number (its default is 30000), not "5s"`,
    ]);
    assert.deepEqual(problems('rules:\n  swallowed-exception:\n    options: { allowComments: 1 }\n'), [
      `${FILE}:3:31: rules.swallowed-exception.options.allowComments must be true or false (its default is true), not 1`,
    ]);
  });

  it('list option with an item of the wrong type', () => {
    assert.deepEqual(problems('rules:\n  missing-timeout:\n    options:\n      methods:\n        - get\n        - 42\n'), [
      `${FILE}:6:11: rules.missing-timeout.options.methods[1] must be a string, like the default's items, not 42`,
    ]);
  });

  it('invalid severity as a rule value, and inside a rule map', () => {
    assert.deepEqual(problems('rules:\n  missing-timeout: urgent\n'), [
      `${FILE}:2:20: rules.missing-timeout must be off, on, a severity (CRITICAL, HIGH, MEDIUM, LOW) or a map with enabled, severity and options, not "urgent"`,
    ]);
    assert.deepEqual(problems('rules:\n  missing-timeout:\n    severity: severe\n'), [`${FILE}:3:15: rules.missing-timeout.severity must be CRITICAL, HIGH, MEDIUM or LOW, not "severe"`]);
  });

  it('a rule with no value points at the rule', () => {
    assert.deepEqual(problems('rules:\n  missing-timeout:\n'), [
      `${FILE}:2:3: rules.missing-timeout must be off, on, a severity (CRITICAL, HIGH, MEDIUM, LOW) or a map with enabled, severity and options, not nothing`,
    ]);
  });

  it('misspelt key inside a rule map', () => {
    assert.deepEqual(problems('rules:\n  missing-timeout:\n    severty: HIGH\n'), [
      `${FILE}:3:5: unknown key "severty" in rules.missing-timeout; allowed keys: enabled, severity, options`,
    ]);
  });

  it('invalid failOn', () => {
    assert.deepEqual(problems('failOn: warnings\n'), [`${FILE}:1:9: failOn must be critical, high, medium, low or none, not "warnings"`]);
  });

  it('a version other than 1 (a quoted "1" too)', () => {
    assert.deepEqual(problems('version: 2\n'), [`${FILE}:1:10: version must be 1, not 2`]);
    assert.deepEqual(problems('version: "1"\n'), [`${FILE}:1:10: version must be 1, not "1"`]);
  });

  it('unknown system type, with a suggestion', () => {
    assert.deepEqual(problems('systemType: ecommerce\n', SYSTEM_TYPES), [
      `${FILE}:1:13: unknown system type "ecommerce"; did you mean "e-commerce"? (known: ai-pipeline, saas, e-commerce, api-platform, general)`,
    ]);
  });

  it('wrong types: include as a string, an empty glob, the whole file as a list', () => {
    assert.deepEqual(problems('include: src/**\n'), [`${FILE}:1:10: include must be a list, not "src/**"`]);
    assert.deepEqual(problems('exclude:\n  - dist/**\n  - ""\n'), [`${FILE}:3:5: exclude[1] must not be empty`]);
    assert.deepEqual(problems('- rules\n'), [`${FILE}:1:1: the file must be a map, not a list`]);
    assert.deepEqual(problems('rules: [missing-timeout]\n'), [`${FILE}:1:8: rules must be a map, not a list`]);
  });

  it('recognizer entries need exactly one of module + export, type, global', () => {
    assert.deepEqual(problems('recognizers:\n  http:\n    - module: ./http\n    - type: Http\n      global: http\n'), [
      `${FILE}:3:7: recognizers.http[0] needs exactly one way to be recognised: module + export, type, or global`,
      `${FILE}:4:7: recognizers.http[1] needs exactly one way to be recognised: module + export, type, or global`,
    ]);
    assert.deepEqual(problems('recognizers:\n  logger:\n    - global: log\n      methods: error\n  queue: []\n'), [
      `${FILE}:4:16: recognizers.logger[0].methods must be a list, not "error"`,
      `${FILE}:5:3: unknown key "queue" in recognizers; allowed keys: http, db, logger, retry, llm, payment`,
    ]);
  });

  it('collects every problem of the file, in line order, and throws once', () => {
    const text = [
      'version: 2', //                       1
      'systemType: saas', //                 2
      'rules:', //                           3
      '  missing-timeout: loud', //          4
      '  swallowed-exceptions: off', //      5
      '  n-plus-one:', //                    6
      '    options:', //                     7
      '      batch: 3', //                   8
      'failOn: 3', //                        9
      'colour: red', //                     10
    ].join('\n');
    assert.deepEqual(problems(text, SYSTEM_TYPES), [
      `${FILE}:1:10: version must be 1, not 2`,
      `${FILE}:4:20: rules.missing-timeout must be off, on, a severity (CRITICAL, HIGH, MEDIUM, LOW) or a map with enabled, severity and options, not "loud"`,
      `${FILE}:5:3: unknown rule "swallowed-exceptions"; did you mean "swallowed-exception"?`,
      `${FILE}:8:7: unknown option "batch" for rule "n-plus-one" (it has no options)`,
      `${FILE}:9:9: failOn must be critical, high, medium, low or none, not 3`,
      `${FILE}:10:1: unknown key "colour" at the top level; allowed keys: version, systemType, include, exclude, rules, recognizers, failOn`,
    ]);
  });
});

describe('loadConfig', () => {
  it('no file gives a fresh copy of the defaults; a file is read, validated and named in source', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pa-config-'));
    try {
      const config = loadConfig(root, { knownRules: KNOWN });
      assert.deepEqual(config, DEFAULT_CONFIG);
      config.include.push('mutated');
      assert.deepEqual(DEFAULT_CONFIG.include, ['**/*'], 'the defaults are not shared with callers');

      const file = path.join(root, CONFIG_DIR, CONFIG_FILE);
      mkdirSync(path.dirname(file));
      writeFileSync(file, 'failOn: none\nrules:\n  n-plus-one: off\n');
      const loaded = loadConfig(root, { knownRules: KNOWN });
      assert.equal(loaded.failOn, 'none');
      assert.equal(loaded.source, file);
      assert.deepEqual(loaded.rules['n-plus-one'], { enabled: false, options: {} });

      writeFileSync(file, 'rules:\n  n-plus-two: off\n');
      assert.throws(() => loadConfig(root, { knownRules: KNOWN }), (e: unknown) => e instanceof ConfigError && e.message === `${file}:2:3: unknown rule "n-plus-two"; did you mean "n-plus-one"?`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('an explicit path is resolved against the root, and a missing one is an error', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pa-config-'));
    try {
      writeFileSync(path.join(root, 'ci.yaml'), 'failOn: critical\n');
      assert.equal(loadConfig(root, { knownRules: KNOWN, explicitPath: 'ci.yaml' }).failOn, 'critical');
      const missing = path.join(root, 'nope.yaml');
      assert.throws(() => loadConfig(root, { knownRules: KNOWN, explicitPath: 'nope.yaml' }), (e: unknown) => e instanceof ConfigError && e.message === `${missing}:1:1: config file not found`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('schemas/config.schema.json', () => {
  const schema = readSchema('config.schema.json');

  it('describes every property (the editor shows these descriptions)', () => {
    assert.deepEqual(undescribedProperties(schema), []);
  });

  it('lists exactly the top-level keys the parser reads, and suggests the model\'s system types', () => {
    const keys = Object.keys(schema.properties as Record<string, unknown>).sort();
    assert.deepEqual(keys, ['exclude', 'failOn', 'include', 'recognizers', 'rules', 'systemType', 'version']);
    const config = parse('version: 1\nsystemType: saas\ninclude: [a]\nexclude: [b]\nrules: {}\nrecognizers: {}\nfailOn: low\n');
    assert.deepEqual(Object.keys(config).sort(), keys);
    assert.deepEqual((schema.properties as Record<string, { examples?: string[] }>).systemType?.examples, [...SYSTEM_TYPE_IDS]);
  });
});
