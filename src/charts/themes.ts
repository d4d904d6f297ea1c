/**
 * Light and dark palettes. Categorical colours are Okabe–Ito (colour-blind safe);
 * the sequential ramp is a single-hue blue so order reads without hue. Status is
 * never carried by colour alone: see STATUS_STYLES.
 */
export type ThemeName = 'light' | 'dark'

export interface ChartTheme {
  name: ThemeName
  text: string
  muted: string
  line: string
  background: string
  /** Regions with no incident. */
  empty: string
  /** Low → high, for the choropleth. */
  ramp: [string, string, string, string, string]
  categorical: string[]
  highlight: string
  /** Drawn on top of a coloured bar, e.g. a hatch. */
  pattern: string
}

export const THEMES: Record<ThemeName, ChartTheme> = {
  light: {
    name: 'light',
    text: '#1a1a1a',
    muted: '#555555',
    line: '#c8c8c8',
    background: '#ffffff',
    empty: '#eeeeee',
    ramp: ['#dbe9f6', '#9ecae1', '#5b9fd0', '#2a6fb0', '#08306b'],
    categorical: ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'],
    highlight: '#D55E00',
    pattern: 'rgba(255,255,255,0.75)',
  },
  dark: {
    name: 'dark',
    text: '#f0f0f0',
    muted: '#b8b8b8',
    line: '#4a4a4a',
    background: '#161616',
    empty: '#2c2c2c',
    ramp: ['#1d3557', '#28527f', '#3a78b5', '#6aa6dc', '#b9dbf7'],
    categorical: ['#56B4E9', '#E69F00', '#009E73', '#CC79A7', '#F0E442', '#D55E00', '#0072B2', '#ffffff'],
    highlight: '#F0E442',
    pattern: 'rgba(0,0,0,0.6)',
  },
}

export function themeOf(name: ThemeName | undefined): ChartTheme {
  return THEMES[name ?? 'light']
}
