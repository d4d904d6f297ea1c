import type { Meta } from '@storybook/vue3-vite'
import ImpactChart from '../src/widgets/ImpactChart/ImpactChart.vue'
import { widgetStories } from './support'
import { impactGroups } from '../src/widgets/ImpactChart/model'
import { validateDataset } from '../src/core/validate'
import { testLocale } from '../test/fixtures/locale'
import realDataset from '../src/data/incidents.real.json'

export default { title: 'Widgets/ImpactChart', component: ImpactChart } satisfies Meta<typeof ImpactChart>

const stories = widgetStories(ImpactChart)
export const Ready = stories.Ready
export const Hindi = stories.Hindi
export const Dark = stories.Dark
export const DarkHindi = stories.DarkHindi
export const Phone320 = stories.Phone320
export const Loading = stories.Loading
export const Empty = stories.Empty
export const Error = stories.Error
export const PartlyInvalid = stories.PartlyInvalid
export const RealData = stories.RealData
export const RealDataHindi360 = stories.RealDataHindi360
export const Stress = stories.Stress

/** The real dataset's unit with the most figures other than people, found by the model the widget uses. */
const busiestUnit = impactGroups(validateDataset(realDataset).dataset!.incidents, testLocale('en')).units.filter((unit) => unit.key !== 'people').sort((a, b) => b.rows.length - a.rows.length)[0]!.key
export const RealDataBusiestUnit = widgetStories(ImpactChart, { unit: busiestUnit }).RealData
