// Host side of the analysis worker: starts it lazily, matches responses to requests, restarts it
// after a crash or a cancelled scan. No analysis happens on the extension host's thread.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ProbeOutcome } from '../core/probes';
import type { ProbesResponse, ReportRequest, ReportResponse, AnalyzeResponse, ConfiguredResponse, ConfigureRequest, FixRequest, FixResponse, RuleInfo, RulesResponse, ScanProgress, WorkerRequest, WorkerResponse } from './protocol';

type DistributiveOmit<T, K extends keyof any> = T extends unknown ? Omit<T, K> : never;
type Pending = { resolve: (r: WorkerResponse) => void; reject: (e: Error) => void; onMessage?: (r: WorkerResponse) => void };

export class WorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Configure requests are replayed when the worker restarts. */
  private readonly configs = new Map<string, Omit<ConfigureRequest, 'id'>>();

  constructor(private readonly scriptPath: string) {}

  static forExtension(extensionPath: string): WorkerClient {
    return new WorkerClient(path.join(extensionPath, 'dist', 'worker.js'));
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.scriptPath);
    w.on('message', (r: WorkerResponse) => this.onMessage(r));
    w.on('error', (err) => this.failAll(err));
    w.on('exit', () => {
      if (this.worker === w) this.worker = undefined;
      this.failAll(new Error('the analysis worker stopped'));
    });
    this.worker = w;
    for (const c of this.configs.values()) w.postMessage({ ...c, id: this.nextId++ });
    return w;
  }

  private onMessage(r: WorkerResponse): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    if (r.type === 'scanStarted' || r.type === 'scanProgress') {
      p.onMessage?.(r);
      return;
    }
    this.pending.delete(r.id);
    if (r.type === 'error') p.reject(new Error(r.message));
    else p.resolve(r);
  }

  private failAll(err: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(err);
  }

  private request<R extends WorkerResponse>(msg: DistributiveOmit<WorkerRequest, 'id'>, onMessage?: (r: WorkerResponse) => void): { id: number; done: Promise<R> } {
    const w = this.ensure();
    const id = this.nextId++;
    const done = new Promise<R>((resolve, reject) => this.pending.set(id, { resolve: resolve as (r: WorkerResponse) => void, reject, onMessage }));
    w.postMessage({ ...msg, id });
    return { id, done };
  }

  /** A second client with the same configuration, for splitting a scan over more threads. */
  sibling(): WorkerClient {
    const c = new WorkerClient(this.scriptPath);
    for (const [k, v] of this.configs) c.configs.set(k, v);
    return c;
  }

  configure(req: Omit<ConfigureRequest, 'id' | 'type'>): Promise<ConfiguredResponse> {
    const msg = { ...req, type: 'configure' as const };
    this.configs.set(req.folder, msg);
    return this.request<ConfiguredResponse>(msg).done;
  }

  analyze(folder: string, file: string, text: string): Promise<AnalyzeResponse> {
    return this.request<AnalyzeResponse>({ type: 'analyze', folder, file, text }).done;
  }

  fix(req: Omit<FixRequest, 'id' | 'type'>): Promise<FixResponse> {
    return this.request<FixResponse>({ ...req, type: 'fix' }).done;
  }

  probes(root: string): Promise<ProbeOutcome[]> {
    return this.request<ProbesResponse>({ type: 'probes', root }).done.then((r) => r.outcomes);
  }

  report(req: Omit<ReportRequest, 'id' | 'type'>): Promise<ReportResponse> {
    return this.request<ReportResponse>({ ...req, type: 'report' }).done;
  }

  private rulesCache: Promise<RuleInfo[]> | undefined;
  /** Rule metadata (titles, why, fix) — asked once. */
  rules(): Promise<RuleInfo[]> {
    this.rulesCache ??= this.request<RulesResponse>({ type: 'rules' }).done.then((r) => r.rules);
    this.rulesCache.catch(() => (this.rulesCache = undefined));
    return this.rulesCache;
  }

  /**
   * Scans a folder. Progress arrives per batch of files. Cancelling stops the worker at once
   * (a scan is one synchronous loop); what was reported so far is kept by the caller, and the
   * worker restarts on the next request.
   */
  scan(folder: string, onStart: (total: number) => void, onProgress: (p: ScanProgress) => void, shard?: { index: number; count: number }): { done: Promise<number>; cancel: () => void } {
    const { id, done } = this.request<WorkerResponse>({ type: 'scan', folder, shard }, (r) => {
      if (r.type === 'scanStarted') onStart(r.total);
      else if (r.type === 'scanProgress') onProgress(r);
    });
    return {
      done: done.then((r) => (r.type === 'scanDone' ? r.filesScanned : 0)),
      cancel: () => {
        const p = this.pending.get(id);
        this.pending.delete(id);
        const w = this.worker;
        this.worker = undefined;
        void w?.terminate();
        p?.reject(new CancelledError());
      },
    };
  }

  dispose(): void {
    const w = this.worker;
    this.worker = undefined;
    this.failAll(new Error('disposed'));
    void w?.terminate();
  }
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}
