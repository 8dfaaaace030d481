// Command-line parsing for `production-audit`. Every mistake becomes a UsageError whose message
// is one line naming the problem; the caller prints it and exits with 2.
import { parseArgs } from 'node:util';

export class UsageError extends Error {}

export const SCAN_FORMATS = ['text', 'json', 'sarif', 'markdown', 'html', 'csv'] as const;
export type ScanFormat = (typeof SCAN_FORMATS)[number];
export const FAIL_ON = ['critical', 'high', 'medium', 'low', 'none'] as const;
export type FailOnFlag = (typeof FAIL_ON)[number];

export interface ScanArgs {
  command: 'scan';
  paths: string[];
  format: ScanFormat;
  output?: string;
  failOn?: FailOnFlag;
  config?: string;
  baseline?: string;
  /** Restrict to these rule ids. */
  rules?: string[];
  verbose: boolean;
  quiet: boolean;
  /** Also write .production-audit/findings.json (for `export` and the extension). */
  save: boolean;
}

export interface ExportArgs {
  command: 'export';
  format: Exclude<ScanFormat, 'text'>;
  output?: string;
  root: string;
  scope?: string;
}

export interface ProbesArgs {
  command: 'probes';
  /** The workspace folder (default: the working directory). */
  path: string;
  format: 'text' | 'json';
}

export type CliArgs = ScanArgs | ExportArgs | ProbesArgs | { command: 'help'; topic?: string } | { command: 'version' } | { command: 'rules'; format: 'text' | 'json' };

export const HELP = `production-audit — production-readiness checks for JavaScript and TypeScript

Usage:
  production-audit scan [paths...] [options]     analyse files and report findings
  production-audit export --format F [options]   render a report from the saved .production-audit/ files
  production-audit rules [--format json]         list the rules
  production-audit probes [path] [--format json] workspace facts (strict mode, linter, tests, CI, lockfile,
                                                 logger, tracing, health route, headers, rate limits,
                                                 migrations) with the files they come from; exit 0
  production-audit --version | --help

scan options:
  --format text|json|sarif|markdown|html|csv     output format (default: text)
  --output FILE                                  write the report to FILE instead of stdout
  --fail-on critical|high|medium|low|none        exit 1 when an open finding is at or above this severity
                                                 (default: failOn from config.yaml, else high)
  --config FILE                                  configuration file (default: .production-audit/config.yaml)
  --baseline FILE                                an earlier --format json output: its findings are reported as
                                                 baseline and do not fail the run
  --rule ID                                      run only this rule (repeatable)
  --save                                         also write .production-audit/findings.json (read by export)
  --verbose                                      print the full message of every finding (text format)
  --quiet                                        print only the summary (text format)

export options:
  --format json|sarif|markdown|html|csv          report format
  --output FILE                                  write to FILE instead of stdout
  --root DIR                                     workspace folder holding .production-audit/ (default: .)
  --category ID                                  limit a markdown/html report to one category

Exit codes: 0 ran, nothing open at or above the threshold; 1 open findings at or above it;
2 usage error, missing path or invalid configuration.`;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string): T | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')} (got "${value}")`);
  return v as T;
}

export function parseCli(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help', topic: rest[0] };
  if (command === '--version' || command === '-v' || command === 'version') return { command: 'version' };
  const parse = (options: NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>) => {
    try {
      return parseArgs({ args: rest, options, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError(((err as Error).message.split('\n')[0] ?? 'invalid arguments').replace(/\. To specify a positional argument.*$/, ''));
    }
  };
  switch (command) {
    case 'scan': {
      const { values, positionals } = parse({
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        config: { type: 'string', short: 'c' },
        baseline: { type: 'string' },
        rule: { type: 'string', multiple: true },
        verbose: { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        save: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) return { command: 'help', topic: 'scan' };
      for (const key of ['format', 'output', 'config', 'baseline', 'fail-on'] as const) {
        if (values[key] === '') throw new UsageError(`--${key} needs a value`);
      }
      return {
        command: 'scan',
        paths: positionals.length ? positionals : ['.'],
        format: oneOf(values.format as string | undefined, SCAN_FORMATS, '--format') ?? 'text',
        output: values.output as string | undefined,
        failOn: oneOf(values['fail-on'] as string | undefined, FAIL_ON, '--fail-on'),
        config: values.config as string | undefined,
        baseline: values.baseline as string | undefined,
        rules: values.rule as string[] | undefined,
        verbose: !!values.verbose,
        quiet: !!values.quiet,
        save: !!values.save,
      };
    }
    case 'export': {
      const { values, positionals } = parse({
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        root: { type: 'string' },
        category: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      });
      if (values.help) return { command: 'help', topic: 'export' };
      if (positionals.length) throw new UsageError(`export takes no paths (got "${positionals[0]}"); use --root DIR`);
      const format = oneOf(values.format as string | undefined, SCAN_FORMATS.filter((f) => f !== 'text'), '--format');
      if (!format) throw new UsageError('export needs --format json|sarif|markdown|html|csv');
      return { command: 'export', format, output: values.output as string | undefined, root: (values.root as string | undefined) ?? '.', scope: values.category as string | undefined };
    }
    case 'rules': {
      const { values } = parse({ format: { type: 'string', short: 'f' } });
      return { command: 'rules', format: oneOf(values.format as string | undefined, ['text', 'json'] as const, '--format') ?? 'text' };
    }
    case 'probes': {
      const { values, positionals } = parse({ format: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' } });
      if (values.help) return { command: 'help', topic: 'probes' };
      if (positionals.length > 1) throw new UsageError(`probes takes one workspace folder (got ${positionals.length} paths)`);
      return { command: 'probes', path: positionals[0] ?? '.', format: oneOf(values.format as string | undefined, ['text', 'json'] as const, '--format') ?? 'text' };
    }
    default:
      throw new UsageError(`unknown command "${command}" (expected scan, export, rules, probes, --help or --version)`);
  }
}
