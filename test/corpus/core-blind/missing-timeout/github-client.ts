import axios, { AxiosResponse, isAxiosError } from 'axios';
import type { AxiosRequestConfig } from 'axios';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';

export interface Repo {
  id: number;
  full_name: string;
  default_branch: string;
}

export interface PullRequest {
  number: number;
  title: string;
  state: 'open' | 'closed';
}

const GITHUB_API = 'https://api.github.com';

export class GitHubClient {
  private readonly cache = new LRUCache<string, Repo>({ max: 500 });

  constructor(
    private readonly token: string,
    private readonly logger: Logger,
    private readonly timeoutMs = 8000,
  ) {}

  private headers() {
    return { Authorization: `Bearer ${this.token}`, Accept: 'application/vnd.github+json' };
  }

  async getRepo(owner: string, name: string): Promise<Repo> {
    const key = `${owner}/${name}`;
    const cached = this.cache.get(key); // ok: missing-timeout
    if (cached) return cached;
    const { data } = await axios.get<Repo>(`${GITHUB_API}/repos/${key}`, { headers: this.headers() }); // expect: missing-timeout
    this.cache.set(key, data);
    return data;
  }

  async listPulls(owner: string, name: string): Promise<PullRequest[]> {
    const res = await axios.get<PullRequest[]>(`${GITHUB_API}/repos/${owner}/${name}/pulls`, { // ok: missing-timeout
      headers: this.headers(),
      params: { state: 'open', per_page: 100 },
      timeout: this.timeoutMs,
    });
    return res.data;
  }

  async rateLimit(): Promise<{ remaining: number; reset: number }> {
    const res = await axios.get(`${GITHUB_API}/rate_limit`); // expect: missing-timeout
    return res.data.resources.core;
  }

  async createIssue(owner: string, name: string, title: string, body: string) {
    const res = await axios.post( // expect: missing-timeout
      `${GITHUB_API}/repos/${owner}/${name}/issues`,
      { title, body },
      { headers: this.headers() },
    );
    this.logger.info({ issue: res.data.number }, 'issue created');
    return res.data;
  }

  async closeIssue(owner: string, name: string, num: number) {
    await axios.patch(`${GITHUB_API}/repos/${owner}/${name}/issues/${num}`, { state: 'closed' }, { headers: this.headers(), timeout: 5000 }); // ok: missing-timeout
  }

  async addLabels(owner: string, name: string, num: number, labels: string[]) {
    const timeout = this.timeoutMs;
    return axios.put(`${GITHUB_API}/repos/${owner}/${name}/issues/${num}/labels`, { labels }, { timeout }); // ok: missing-timeout
  }

  async deleteBranch(owner: string, name: string, branch: string) {
    try {
      await axios.delete(`${GITHUB_API}/repos/${owner}/${name}/git/refs/heads/${branch}`, { headers: this.headers() }); // expect: missing-timeout
    } catch (err) {
      if (isAxiosError(err) && err.response?.status === 422) return;
      throw err;
    }
  }

  async exists(url: string): Promise<boolean> {
    const res = await axios.head(url, { validateStatus: () => true }); // expect: missing-timeout
    return res.status === 200;
  }

  async graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const res: AxiosResponse<{ data: T }> = await axios({ // expect: missing-timeout
      method: 'post',
      url: `${GITHUB_API}/graphql`,
      data: { query, variables },
      headers: this.headers(),
    });
    return res.data.data;
  }

  async raw<T>(config: AxiosRequestConfig): Promise<AxiosResponse<T>> {
    return axios.request<T>(config); // ok: missing-timeout
  }

  async searchRepos(q: string) {
    return axios.request<{ items: Repo[] }>({ // expect: missing-timeout
      url: `${GITHUB_API}/search/repositories`,
      params: { q },
      headers: this.headers(),
    });
  }

  async commits(owner: string, name: string) {
    return axios.request({ url: `${GITHUB_API}/repos/${owner}/${name}/commits`, method: 'get', headers: this.headers(), timeout: this.timeoutMs }); // ok: missing-timeout
  }

  async postStatus(url: string, state: string, extra: AxiosRequestConfig) {
    return axios.post(url, { state }, extra); // ok: missing-timeout
  }
}
