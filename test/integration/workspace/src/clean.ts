import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.example.com', timeout: 3000 });

export async function ping(): Promise<boolean> {
  try {
    await api.get('/health');
    return true;
  } catch (err) {
    console.warn('health check failed', err);
    throw err;
  }
}
