import https from 'node:https';
import axios from 'axios';

type ServiceStatus = { name: string; healthy: boolean; latencyMs: number };

const statusAgent = new https.Agent({ rejectUnauthorized: false }); // expect: tls-verification-disabled

function Hint({ text }: { text: string }) {
  return <p className="hint">{text}</p>;
}

const insecureHint = <Hint text="Internal status endpoints use rejectUnauthorized: false until PKI rollout" />; // ok: tls-verification-disabled
const strictSslHint = <Hint text="strictSSL: false is no longer supported by the status API" />; // ok: tls-verification-disabled

export default async function StatusPage() {
  const { data } = await axios.get<ServiceStatus[]>(`${process.env.INTERNAL_STATUS_URL}/services`, {
    httpsAgent: statusAgent,
    timeout: 2000,
  });
  return (
    <main>
      <h1>Service status</h1>
      {insecureHint}
      {strictSslHint}
      <ul>
        {data.map((s) => (
          <li key={s.name} className={s.healthy ? 'ok' : 'down'}>
            {s.name}: {s.latencyMs}ms
          </li>
        ))}
      </ul>
    </main>
  );
}
