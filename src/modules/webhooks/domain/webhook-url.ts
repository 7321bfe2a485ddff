/** The reason a subscription URL is refused (null: accepted): an absolute http or https URL without credentials. */
export function urlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'must use http or https';
  if (parsed.username || parsed.password) return 'must not contain credentials';
  if (url.length > 2000) return 'must be at most 2000 characters';
  return null;
}
