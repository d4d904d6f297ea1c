/**
 * `useDatasetStore`: what a widget reads. A thin view over the framework-free dataset source
 * (source.ts, which owns fetch → decode → parse → validate → aggregate) and the one Pinia store
 * of the reader's own choices (filters, selected region) per source and group. Widgets given the
 * same source and group get the same view; other groups share the source, not the choices.
 */
import { defineStore, type Pinia } from 'pinia'
import { computed, effectScope, markRaw, ref, shallowRef, reactive, toRaw } from 'vue'
import { filterIncidents, filtersAreEmpty, type IncidentFilters } from '../core/filters'
import { tallyByRegion } from '../core/aggregate'
import { DEFAULT_TIMEZONE } from '../core/dates'
import { openDatasetSource, sourceKey, sourceLabel, type DatasetLoadOptions, type DatasetSource, type DatasetSourceHandle, type LoadStatus, type SourceState } from './source'

export {
  clearFetchCache, setDatasetValidator, pageValidator, openDatasetSource, sourceKey, absolute, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS,
  type DatasetSource, type DatasetLoadOptions, type DatasetValidator, type ValidationOutcome, type ValidatorAnswer,
  type LoadFailure, type LoadStatus, type LocalFile, type SourceState, type DatasetSourceHandle,
} from './source'

/** What the reader changes, per source and group. */
interface ReaderChoices {
  filters: IncidentFilters
  selectedRegion?: string
}

/** The only Pinia store of the kit: the reader's choices, by `datasetStoreId`. Datasets are not kept in it. */
export const useReaderStore = defineStore('ghatna-readers', {
  state: () => ({ readers: {} as Record<string, ReaderChoices> }),
})

/** Same source and group, same choices. Relative URLs are resolved against the page. */
export function datasetStoreId(source: DatasetSource, group = ''): string {
  return `ghatna-dataset:${sourceKey(source)}${group ? `#${group}` : ''}`
}

/**
 * Filters as plain, raw values: they are only ever replaced whole (setFilters), and the filter
 * reads them once per incident — through the state's reactive proxies each `includes` walked and
 * tracked the whole array, 10 000 times on every filter change.
 */
function rawFilters(filters: IncidentFilters): IncidentFilters {
  const plain = Object.fromEntries(Object.entries(toRaw(filters)).map(([key, value]) => [key, Array.isArray(value) ? [...toRaw(value)] : value]))
  return markRaw(plain as IncidentFilters)
}

function createView(id: string, source: DatasetSource, options: DatasetLoadOptions, readers: ReturnType<typeof useReaderStore>) {
  readers.readers[id] ??= { filters: rawFilters({}) }
  // Read back through the state's proxy, so the choices are reactive.
  const choices = readers.readers[id]!
  /** The source's state, while this view holds it. */
  const shared = shallowRef<SourceState>()
  let handle: DatasetSourceHandle | undefined
  let pending: Promise<void> | undefined
  const held = ref(false)

  const status = computed<LoadStatus>(() => (held.value && shared.value ? shared.value.status : 'idle'))
  const field = <K extends keyof SourceState>(key: K) => computed(() => shared.value?.[key])
  const report = field('report')
  const failure = field('failure')
  const filters = computed(() => choices.filters)
  const selectedRegion = computed(() => choices.selectedRegion)

  // Dataset data never changes once validated: marked raw, so reading it through the view costs
  // no reactive proxy per incident (at 100 000 incidents the proxies cost more than the aggregation).
  const incidents = computed(() => markRaw(report.value?.dataset?.incidents ?? []))
  const agencies = computed(() => markRaw(report.value?.dataset?.agencies ?? []))
  const meta = computed(() => report.value?.dataset?.meta)
  const timeZone = computed(() => meta.value?.timezone ?? DEFAULT_TIMEZONE)
  /** Incidents under the filter bar, before a region is picked: what the map colours. */
  const scoped = computed(() => markRaw(filterIncidents(incidents.value, choices.filters, timeZone.value)))
  /** What the charts and timeline show: the filters plus the selected region. */
  const filtered = computed(() =>
    choices.selectedRegion ? markRaw(filterIncidents(scoped.value, { regions: [choices.selectedRegion] }, timeZone.value)) : scoped.value,
  )
  /** Unfiltered: the source's whole-dataset tallies (worked out where the data was validated); filtered: counted here. */
  const tallies = computed(() => {
    const whole = shared.value?.tallies
    return whole && filtersAreEmpty(choices.filters) ? whole : markRaw(tallyByRegion(scoped.value, timeZone.value))
  })

  /** Loads once; later callers share the same promise. */
  function load(): Promise<void> {
    if (pending) return pending
    const next = (handle = openDatasetSource(source, options))
    held.value = true
    const show = (state: SourceState) => {
      if (state.report) markRaw(state.report)
      shared.value = state
    }
    show(next.state)
    next.subscribe(show)
    pending = next.ready.then(() => {})
    return pending
  }

  function retry(): Promise<void> {
    const previous = handle
    pending = undefined
    const loading = load()
    previous?.dispose()
    return loading
  }

  /** Stops waiting for a fetch in flight (the widgets on this view are removed): the request is aborted when nobody else waits for it. */
  function cancel(): void {
    if (status.value !== 'loading') return
    handle?.dispose()
    handle = undefined
    pending = undefined
    held.value = false
  }

  /** Reads a URL source again in place: the filters and the selected region stay (see `DatasetSourceHandle.refresh`). */
  async function refresh(): Promise<void> {
    if (status.value === 'loading' || status.value === 'idle') return
    await handle?.refresh()
  }

  /**
   * Each widget that refreshes holds one of these: a reference of its own to the source (so a retry
   * or cancel here leaves it running), which re-reads at the shortest interval asked while any is held.
   */
  function keepFresh(seconds: number): () => void {
    const own = openDatasetSource(source, options)
    own.keepFresh(seconds)
    return () => own.dispose()
  }

  return reactive({
    $id: id,
    source: sourceLabel(source), status, report, failure, filters, selectedRegion, problems: field('problems'), updatedAt: field('updatedAt'), refreshFailure: field('refreshFailure'), live: field('live'),
    incidents, agencies, meta, timeZone, scoped, filtered, tallies,
    load, retry, cancel, refresh, keepFresh,
    setFilters: (next: IncidentFilters) => {
      choices.filters = rawFilters(next)
    },
    /** Selecting the selected region again clears the selection. */
    toggleRegion: (code: string | undefined) => {
      choices.selectedRegion = code === undefined || choices.selectedRegion === code ? undefined : code
    },
  })
}

type DatasetView = ReturnType<typeof createView>

/** Views per Pinia (an app, a test: keyed by its reader store) and id: they live as long as their Pinia, like the stores they replace. */
const views = new WeakMap<object, Map<string, DatasetView>>()

/**
 * The dataset view for a source and group: the options of its first user apply. Needs an active
 * Pinia (or one given), like any store.
 */
export function useDatasetStore(source: DatasetSource, options: DatasetLoadOptions = {}, pinia?: Pinia, group = '') {
  const readers = useReaderStore(pinia)
  let byId = views.get(readers)
  if (!byId) views.set(readers, (byId = new Map()))
  const id = datasetStoreId(source, group)
  let view = byId.get(id)
  if (!view) {
    // Detached: a view outlives the component that first asked for it.
    view = effectScope(true).run(() => createView(id, source, options, readers))!
    byId.set(id, view)
  }
  return view
}

export type DatasetStore = ReturnType<typeof useDatasetStore>
