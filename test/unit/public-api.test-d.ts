/**
 * The public types, as an app sees them through `ghatna` and `ghatna/elements`
 * (run by Vitest's typecheck: vitest.config test.typecheck). The same checks run
 * against the packed declarations under bundler and node16 in `npm run release:check`.
 */
import { describe, expectTypeOf, it } from 'vitest'
import type { App } from 'vue'
import { createGhatna, IncidentMap, FilterBar, useDatasetStore, validateDataset, createFormatter, type DatasetStore, type Incident, type Lang, type ThemeName, type MapMetric } from '../../src/index'
import { mount, type MountedWidget } from '../../src/embed/index'

describe('ghatna', () => {
  it('createGhatna() is a Vue plugin with the widgets’ language', () => {
    const ghatna = createGhatna({ lang: 'hi' })
    expectTypeOf(ghatna.install).parameter(0).toEqualTypeOf<App>()
    expectTypeOf(ghatna.lang).toEqualTypeOf<Lang>()
    expectTypeOf(ghatna.setLang).parameter(0).toEqualTypeOf<'en' | 'hi'>()
    // @ts-expect-error only en and hi
    createGhatna({ lang: 'fr' })
  })
  it('useDatasetStore gives the store the widgets take', () => {
    const store = useDatasetStore('/data/incidents.json')
    expectTypeOf(store).toEqualTypeOf<DatasetStore>()
    expectTypeOf(store.load).returns.toEqualTypeOf<Promise<void>>()
    expectTypeOf(store.incidents).toExtend<readonly Incident[]>()
    expectTypeOf(store.incidents).not.toBeAny()
  })
  it('components type their props', () => {
    type MapProps = InstanceType<typeof IncidentMap>['$props']
    expectTypeOf<MapProps['store']>().toEqualTypeOf<DatasetStore>()
    expectTypeOf<NonNullable<MapProps['theme']>>().toEqualTypeOf<ThemeName>()
    expectTypeOf<NonNullable<MapProps['metric']>>().toEqualTypeOf<MapMetric>()
    expectTypeOf<NonNullable<InstanceType<typeof FilterBar>['$props']['theme']>>().toEqualTypeOf<'light' | 'dark'>()
  })
  it('the data core is typed, not any', () => {
    const report = validateDataset('{}')
    expectTypeOf(report.dataset).not.toBeAny()
    expectTypeOf(report.errors).toBeArray()
    expectTypeOf(createFormatter({ lang: 'hi' }).number).toBeFunction()
  })
})

describe('ghatna/elements', () => {
  it('mount() returns a handle with a ready promise and dispose', () => {
    const widget = mount(document.body, { widget: 'map', src: '/data/incidents.json', lang: 'hi' })
    expectTypeOf(widget).toEqualTypeOf<MountedWidget>()
    expectTypeOf(widget.ready).toEqualTypeOf<Promise<boolean>>()
    expectTypeOf(widget.dispose).returns.toBeVoid()
  })
  it('mount() takes every element setting, typed as the settings contract says', () => {
    mount(document.body, { widget: 'impact', src: '/d.json', theme: 'page', maxmb: 50, timeout: 30, refresh: 300, unit: 'people', group: 'story' })
    // @ts-expect-error a theme that is not light, dark, auto or page
    mount(document.body, { widget: 'map', theme: 'drak' })
    // @ts-expect-error maxmb is a number of megabytes
    mount(document.body, { widget: 'map', maxmb: '50' })
    // @ts-expect-error boundaries is a dashboard setting, not an element's
    mount(document.body, { widget: 'map', boundaries: 'x.json' })
  })
})
