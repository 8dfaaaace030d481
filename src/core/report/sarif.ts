// SARIF 2.1.0 for GitHub code scanning, the SARIF Viewer and other tools: one run, a rule entry
// per rule, results with locations relative to %SRCROOT%, stable fingerprints, and suppressions
// for findings suppressed in the code or accepted as risks in audit.yaml.
import { pathToFileURL } from 'node:url';
import { ruleDocsUrl } from '../engine/rule';
import type { Range, Severity } from '../model';
import { activeAcceptance, byLocation, pascalCase, reportRules, statusOf, toolOf } from './common';
import type { ReportFinding, ReportInput, ReportRule } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
/** The key of our fingerprint in `partialFingerprints` (bump the version if fingerprints change). */
export const FINGERPRINT_KEY = 'productionAudit/v1';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'CRITICAL':
    case 'HIGH':
      return 'error';
    case 'MEDIUM':
      return 'warning';
    case 'LOW':
      return 'note';
  }
}

/** GitHub's security-severity scale (0–10); it maps ≥9 to critical, ≥7 high, ≥4 medium, else low. */
const SECURITY_SEVERITY: Readonly<Record<Severity, string>> = {
  CRITICAL: '9.0',
  HIGH: '7.5',
  MEDIUM: '5.0',
  LOW: '2.0',
};

/** A workspace-relative path as a relative URI reference: `/` separators, each segment percent-encoded. */
export function relativeUri(file: string): string {
  const segments = file
    .replace(/\\/g, '/')
    .split('/')
    .filter((s, i) => !(s === '' || (s === '.' && i === 0)));
  return segments.map((s) => encodeURIComponent(s)).join('/');
}

function region(range: Range): Record<string, number> {
  const startLine = Math.max(1, range.line);
  const startColumn = Math.max(1, range.column);
  const endLine = Math.max(startLine, range.endLine);
  // SARIF requires the end not to lie before the start.
  const endColumn = endLine === startLine ? Math.max(startColumn, range.endColumn) : Math.max(1, range.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

function physicalLocation(file: string, range: Range): Record<string, unknown> {
  return {
    artifactLocation: { uri: relativeUri(file), uriBaseId: SRCROOT },
    region: region(range),
  };
}

function withPeriod(text: string): string {
  const t = text.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}

function ruleDescriptor(rule: ReportRule): Record<string, unknown> {
  const help = [rule.docs.summary, rule.docs.why, rule.docs.fix].filter((t) => t.trim() !== '').map(withPeriod);
  const properties: Record<string, unknown> = { tags: [rule.category, 'production-audit'] };
  if (rule.category === 'security') properties['security-severity'] = SECURITY_SEVERITY[rule.defaultSeverity];
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: withPeriod(rule.title) },
    fullDescription: { text: withPeriod(rule.docs.summary) || withPeriod(rule.title) },
    help: { text: help.join(' ') },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
    properties,
  };
}

function suppressions(input: ReportInput, finding: ReportFinding): Record<string, unknown>[] | undefined {
  const list: Record<string, unknown>[] = [];
  if (finding.suppression) {
    list.push({ kind: 'inSource', justification: finding.suppression.reason });
  }
  const accepted = activeAcceptance(input, finding);
  if (accepted) {
    const s: Record<string, unknown> = { kind: 'external', status: 'accepted' };
    if (accepted.justification !== undefined) s.justification = accepted.justification;
    if (accepted.expires !== undefined) s.properties = { expires: accepted.expires };
    list.push(s);
  }
  return list.length > 0 ? list : undefined;
}

function result(input: ReportInput, finding: ReportFinding, ruleIndex: number): Record<string, unknown> {
  const r: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [{ physicalLocation: physicalLocation(finding.file, finding) }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
  };
  if (finding.symbol !== '') {
    (r.locations as Record<string, unknown>[])[0]!.logicalLocations = [{ fullyQualifiedName: finding.symbol }];
  }
  if (finding.related.length > 0) {
    r.relatedLocations = finding.related.map((rel, i) => ({
      id: i + 1,
      physicalLocation: physicalLocation(rel.file, rel),
      message: { text: rel.message },
    }));
  }
  const supp = suppressions(input, finding);
  if (supp) r.suppressions = supp;
  if (finding.baseline !== undefined) r.baselineState = finding.baseline ? 'unchanged' : 'new';
  r.properties = { severity: finding.severity, category: finding.category, status: statusOf(input, finding) };
  return r;
}

/** The SARIF log as an object (see renderSarif for the text). */
export function buildSarif(input: ReportInput): Record<string, unknown> {
  const tool = toolOf(input);
  const rules = reportRules(input);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = [...input.findings].sort(byLocation).map((f) => result(input, f, index.get(f.ruleId)!));

  const srcRoot: Record<string, unknown> =
    input.root !== undefined
      ? { uri: ensureTrailingSlash(pathToFileURL(input.root).href) }
      : { description: { text: 'The root of the scanned workspace folder; result paths are relative to it.' } };

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.fullName ?? tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [SRCROOT]: srcRoot },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function ensureTrailingSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

/** SARIF 2.1.0 text (2-space JSON, trailing newline). */
export function renderSarif(input: ReportInput): string {
  return `${JSON.stringify(buildSarif(input), null, 2)}\n`;
}
