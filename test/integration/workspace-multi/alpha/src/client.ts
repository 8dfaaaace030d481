export async function fetchRates(url: string): Promise<unknown> {
  const res = await fetch(url);
  return res.json();
}
