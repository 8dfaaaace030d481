import React, { Component, useEffect, useState } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import axios from 'axios';

type Profile = { id: string; name: string; avatarUrl?: string };

export function UserProfile({ userId }: { userId: string }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    axios
      .get<Profile>(`/api/users/${userId}`)
      .then((res) => {
        if (!cancelled) setProfile(res.data);
      })
      .catch((err) => setError(err.message)) // ok: swallowed-exception
      .finally(() => setLoading(false)); // ok: swallowed-exception
    return () => {
      cancelled = true;
    };
  }, [userId]);

  useEffect(() => {
    fetch(`/api/users/${userId}/seen`, { method: 'POST' }).catch(() => {}); // expect: swallowed-exception
  }, [userId]);

  async function handleAvatarUpload(file: File) {
    const form = new FormData();
    form.append('avatar', file);
    try {
      const res = await axios.post<Profile>(`/api/users/${userId}/avatar`, form);
      setProfile(res.data);
    } catch (error) { // expect: swallowed-exception
      setError('Upload failed, please try again');
    }
  }

  const refresh = () =>
    axios
      .get<Profile>(`/api/users/${userId}`)
      .then(
        (res) => setProfile(res.data),
        () => setError('Could not refresh profile'), // expect: swallowed-exception
      );

  const loadPreview = (url: string) =>
    axios.get(url).then((res) => res.data); // ok: swallowed-exception

  if (loading) return <p>Loading…</p>;
  if (error) return <p role="alert">{error}</p>;
  return (
    <section>
      <h1>{profile?.name}</h1>
      <button onClick={refresh}>Refresh</button>
      <button onClick={() => loadPreview(profile?.avatarUrl ?? '')}>Preview</button>
      <input type="file" onChange={(ev) => ev.target.files && handleAvatarUpload(ev.target.files[0])} />
    </section>
  );
}

export class ProfileErrorBoundary extends Component<{ children: ReactNode }, { hasError: boolean }> {
  state = { hasError: false };

  static getDerivedStateFromError() {
    return { hasError: true };
  }

  componentDidCatch(_error: Error, _info: ErrorInfo) { // ok: swallowed-exception
    this.setState({ hasError: true });
  }

  render() {
    return this.state.hasError ? <p>Something went wrong.</p> : this.props.children;
  }
}
