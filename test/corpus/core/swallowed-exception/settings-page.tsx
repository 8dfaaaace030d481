// @ts-nocheck
// Second batch, written after the first measurement: more shapes a judge could write from the issue text.
import { useState } from 'react';
import { captureException } from '@sentry/react';
import { saveSettings, loadSettings, deleteAccount } from '../api/settings';

export function SettingsPage() {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSave(values: Record<string, string>) {
    setSaving(true);
    try {
      await saveSettings(values);
    } catch { // expect: swallowed-exception
      setError('Could not save your settings');
    } finally {
      setSaving(false);
    }
  }

  async function onLoad() {
    try {
      return await loadSettings();
    } catch (err) { // ok: swallowed-exception
      setError(err instanceof Error ? err.message : 'Could not load settings');
      return null;
    }
  }

  async function onDelete() {
    try {
      await deleteAccount();
    } catch (err) { // ok: swallowed-exception
      captureException(err);
    }
  }

  const preview = () =>
    loadSettings().catch(() => { // expect: swallowed-exception
      return null;
    });

  const previewNamed = () => loadSettings().catch(function onFail() { return false; }); // expect: swallowed-exception

  const previewEmptyObject = () => loadSettings().catch(() => ({})); // expect: swallowed-exception

  const previewIgnored = () => loadSettings().catch(() => { /* ignore */ }); // expect: swallowed-exception

  const previewRejected = () => loadSettings().then(null, () => {}); // expect: swallowed-exception

  const previewExpected = () =>
    loadSettings().catch((e) => { // ok: swallowed-exception
      if (e.code !== 'ENOENT') throw e;
    });

  return (
    <form
      onSubmit={async (ev) => {
        ev.preventDefault();
        try {
          await onSave(Object.fromEntries(new FormData(ev.currentTarget)) as Record<string, string>);
        } catch (e) { // ok: swallowed-exception
          console.log('submit failed', e);
        }
      }}
    >
      {error && <p role="alert">{error}</p>}
      <button disabled={saving}>Save</button>
      <button type="button" onClick={() => { preview(); previewNamed(); previewEmptyObject(); previewIgnored(); previewRejected(); previewExpected(); onLoad(); onDelete(); }}>Preview</button>
    </form>
  );
}

export class SettingsStore {
  private loading = false;

  get cached(): Record<string, string> | null {
    try {
      return JSON.parse(localStorage.getItem('settings') ?? 'null');
    } catch { // expect: swallowed-exception
      return null;
    }
  }

  async refresh(): Promise<{ success: boolean }> {
    this.loading = true;
    try {
      await loadSettings();
      return { success: true };
    } catch (e) { // expect: swallowed-exception
      return { success: false };
    } finally {
      this.loading = false;
    }
  }

  save(values: Record<string, string>): Promise<void> {
    return new Promise((resolve, reject) => {
      saveSettings(values)
        .then(() => resolve())
        .catch((err) => { // ok: swallowed-exception
          return reject(err);
        });
    });
  }

  *entries(raw: string[]) {
    for (const line of raw) {
      try {
        yield JSON.parse(line);
      } catch (e) { // expect: swallowed-exception
        // skip bad line
      }
    }
  }
}

// Third batch: a toast tells the user and records nothing (senior call, like `setError('…')` above).
export async function quickSave(values: Record<string, string>, toast: { error(m: string): void }) {
  try {
    await saveSettings(values);
  } catch { // expect: swallowed-exception
    toast.error('Could not save your settings');
  }
}

export async function quickSaveWithReason(values: Record<string, string>, toast: { error(m: string): void }) {
  try {
    await saveSettings(values);
  } catch (err) { // ok: swallowed-exception
    toast.error(`Could not save your settings: ${(err as Error).message}`);
  }
}
