/** An embed's config file: the same settings as its attributes, which take precedence. */
export interface EmbedConfig {
  src?: string
  lang?: string
  theme?: string
  metric?: string
  region?: string
  from?: string
  to?: string
}

const KEYS: (keyof EmbedConfig)[] = ['src', 'lang', 'theme', 'metric', 'region', 'from', 'to']

export async function readConfig(url: string, fetchImpl: typeof fetch = fetch): Promise<{ config: EmbedConfig } | { error: string }> {
  try {
    const response = await fetchImpl(url, { credentials: 'omit' })
    if (!response.ok) return { error: `${url}: the server answered ${response.status}` }
    const raw = (await response.json()) as Record<string, unknown>
    const config: EmbedConfig = {}
    // `dataset` is the dashboard's name for `src`.
    const source = raw.src ?? raw.dataset
    if (typeof source === 'string') config.src = new URL(source, new URL(url, location.href)).href
    for (const key of KEYS) if (key !== 'src' && typeof raw[key] === 'string') config[key] = raw[key] as string
    return { config }
  } catch (cause) {
    const message = `${url}: ${cause instanceof Error ? cause.message : String(cause)}`
    console.error(`[ghatna] config not used: ${message}`)
    return { error: message }
  }
}
