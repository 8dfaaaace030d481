// corpus-path: pages/admin/debug.tsx
import type { GetServerSideProps } from 'next';
import React from 'react';

type Props = { env: Record<string, string | undefined>; appEnv: string };

export const getServerSideProps: GetServerSideProps<Props> = async () => {
  console.log('rendering admin debug page with', process.env); // expect: environment-exposure
  return { props: { env: process.env, appEnv: process.env.APP_ENV ?? 'dev' } }; // expect: environment-exposure
};

export default function DebugPage({ env, appEnv }: Props) {
  return (
    <main>
      <h1>Debug ({appEnv})</h1>
      <p>Public API: {process.env.NEXT_PUBLIC_API_URL}</p>
      <pre>{JSON.stringify(env, null, 2)}</pre>
    </main>
  );
}
