// What the Checklist and Summary views say and what a tick does, without VS Code.
//
// The checkbox means "assessed": ticking an item marks it assessed — PASS when it had no result
// yet, otherwise its result (PASS, FAIL or N/A) stays; unticking takes the assessment back —
// unticked and NOT ASSESSED again (the note stays). Setting a result from the context menu keeps
// the box in step: PASS, FAIL and N/A tick it, NOT ASSESSED unticks it. So a ticked item is
// always an assessed one, and the category's "assessed/total" counts the ticks.
import type { ChecklistEntry, ChecklistResult } from '../../core/audit/auditRecord';
import { SEVERITIES, type Severity } from '../../core/model';
import { displayLabel, type CategoryScore } from '../../core/scoring';
import { isSystemTypeId, type SystemTypeId, type Tier } from '../../core/systemTypes';

export const CHECKLIST_RESULT_LIST: readonly ChecklistResult[] = ['PASS', 'FAIL', 'N/A', 'NOT_ASSESSED'];

function blank(): ChecklistEntry {
  return { checked: false, result: 'NOT_ASSESSED' };
}

/** The entry after the auditor ticks (true) or unticks (false) the item. */
export function tickEntry(entry: ChecklistEntry | undefined, checked: boolean): ChecklistEntry {
  const e = { ...blank(), ...entry };
  if (checked) return { ...e, checked: true, result: e.result === 'NOT_ASSESSED' ? 'PASS' : e.result };
  return { ...e, checked: false, result: 'NOT_ASSESSED' };
}

/** The entry after the auditor sets a result; the tick follows (assessed = ticked). */
export function resultEntry(entry: ChecklistEntry | undefined, result: ChecklistResult): ChecklistEntry {
  return { ...blank(), ...entry, result, checked: result !== 'NOT_ASSESSED' };
}

/** The entry with a new note; an empty note removes it. */
export function noteEntry(entry: ChecklistEntry | undefined, note: string): ChecklistEntry {
  const { note: _old, ...rest } = { ...blank(), ...entry };
  const trimmed = note.trim();
  return trimmed ? { ...rest, note: trimmed } : rest;
}

/** `PASS`, `FAIL — retries have no cap in the billing job`, `NOT ASSESSED`. */
export function itemDescription(entry: ChecklistEntry | undefined): string {
  const e = { ...blank(), ...entry };
  return e.note ? `${displayLabel(e.result)} — ${e.note.replace(/\s+/g, ' ')}` : displayLabel(e.result);
}

/** `1. Idempotency`: the position in the system type's order, then the title. */
export function categoryLabel(position: number, title: string): string {
  return `${position}. ${title}`;
}

/** `CRITICAL · PARTIAL · 2/6`: tier, score, assessed items of all. */
export function categoryDescription(tier: Tier, score: CategoryScore, assessed: number, total: number): string {
  return `${tier} · ${displayLabel(score)} · ${assessed}/${total}`;
}

/** The evidence line of a rule-backed item with no open finding. */
export function noFindingsText(lastScan: { filesScanned: number } | undefined): string {
  if (!lastScan) return 'not scanned yet — run Scan Workspace';
  return `0 findings in ${lastScan.filesScanned} file${lastScan.filesScanned === 1 ? '' : 's'} scanned`;
}

/** `2 CRITICAL · 5 HIGH · 3 MEDIUM · 0 LOW`. */
export function severityCountsText(totals: Readonly<Record<Severity, number>>): string {
  return SEVERITIES.map((s) => `${totals[s]} ${s}`).join(' · ');
}

export type SystemTypeSource = 'audit' | 'config' | 'default';

/** The system type that orders the checklist: audit.yaml's, else config.yaml's, else `general`. Unknown ids are ignored. */
export function chooseSystemType(auditValue: string | undefined, configValue: string | undefined): { id: SystemTypeId; source: SystemTypeSource } {
  if (isSystemTypeId(auditValue)) return { id: auditValue, source: 'audit' };
  if (isSystemTypeId(configValue)) return { id: configValue, source: 'config' };
  return { id: 'general', source: 'default' };
}
