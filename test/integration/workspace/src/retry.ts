import axios from 'axios';

export async function pushEvent(event: object): Promise<void> {
  while (true) {
    try {
      await axios.post('https://events.example.com/ingest', event, { timeout: 5000 });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
