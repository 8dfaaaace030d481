export async function loadProfile(url: string): Promise<unknown> {
  const res = await fetch(url);
  return res.json();
}
