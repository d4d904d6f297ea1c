/**
 * Story helpers: a dataset store in each state a widget must handle, and the
 * frame (language, theme, width) around it. Shared by every widget's stories.
 */
import { defineComponent, h, type Component } from 'vue'
import { createGhatnaI18n } from '../src/i18n'
import { useDatasetStore } from '../src/store/dataset'
import type { ThemeName } from '../src/charts/themes'
import type { Lang } from '../src/core/format'
import defaultDataset from '../src/data/incidents.default.json'
import realDataset from '../src/data/incidents.real.json'
import { stressDataset } from '../test/fixtures/synthetic'
import { datasetWith, minimalIncident } from '../test/fixtures/minimal'

export const storyI18n = createGhatnaI18n('en')

/** `real`: the bundled dataset of 35 reported incidents; `stress`: the seeded synthetic stress fixture. */
export type StoryState = 'ready' | 'loading' | 'empty' | 'error' | 'partial' | 'real' | 'stress'

const never = () => new Promise<Response>(() => {})
const notFound = async () => new Response('not found', { status: 404 })

function storeFor(state: StoryState) {
  switch (state) {
    case 'loading':
      return useDatasetStore('/stories/never-answers.json', { fetch: never })
    case 'error':
      return useDatasetStore('/stories/missing.json', { fetch: notFound })
    case 'empty':
      return useDatasetStore({ id: 'story-empty', data: datasetWith([]) })
    case 'partial':
      return useDatasetStore({
        id: 'story-partial',
        data: { ...defaultDataset, incidents: [...defaultDataset.incidents, minimalIncident({ id: 'broken', regions: ['IN-XX'] })] },
      })
    case 'real':
      return useDatasetStore({ id: 'story-real', data: realDataset })
    case 'stress':
      return useDatasetStore({ id: 'story-stress', data: stressDataset() })
    default:
      return useDatasetStore({ id: 'story-default', data: defaultDataset })
  }
}

export interface FrameArgs {
  state: StoryState
  lang: Lang
  theme: ThemeName
  width?: number
}

/** Renders a widget on a store in the given state, in a box of the given width, language and theme. */
export function frame(widget: Component, args: FrameArgs, extra: Record<string, unknown> = {}) {
  return defineComponent({
    setup() {
      storyI18n.global.locale.value = args.lang
      const store = storeFor(args.state)
      void store.load()
      return () =>
        h(
          'div',
          { class: 'ghatna-root', 'data-theme': args.theme, lang: args.lang, style: { width: args.width ? `${args.width}px` : '100%', padding: '8px', background: args.theme === 'dark' ? '#161616' : '#fff' } },
          [h(widget, { store, theme: args.theme, ...extra })],
        )
    },
  })
}

/** The same set of stories for every widget: each state, both languages, dark, and a 320 px phone. */
export function widgetStories(widget: Component, extra: Record<string, unknown> = {}) {
  const story = (args: FrameArgs) => ({ args, render: (a: FrameArgs) => frame(widget, a, extra) })
  return {
    Ready: story({ state: 'ready', lang: 'en', theme: 'light' }),
    Hindi: story({ state: 'ready', lang: 'hi', theme: 'light' }),
    Dark: story({ state: 'ready', lang: 'en', theme: 'dark' }),
    DarkHindi: story({ state: 'ready', lang: 'hi', theme: 'dark' }),
    Phone320: story({ state: 'ready', lang: 'hi', theme: 'light', width: 320 }),
    Loading: story({ state: 'loading', lang: 'en', theme: 'light' }),
    Empty: story({ state: 'empty', lang: 'en', theme: 'light' }),
    Error: story({ state: 'error', lang: 'hi', theme: 'light' }),
    PartlyInvalid: story({ state: 'partial', lang: 'en', theme: 'light' }),
    RealData: story({ state: 'real', lang: 'en', theme: 'light' }),
    RealDataHindi360: story({ state: 'real', lang: 'hi', theme: 'light', width: 360 }),
    Stress: story({ state: 'stress', lang: 'en', theme: 'light' }),
  }
}
