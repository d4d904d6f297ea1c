import type { Meta } from '@storybook/vue3-vite'
import DowntimeChart from '../src/widgets/DowntimeChart/DowntimeChart.vue'
import { widgetStories } from './support'

export default { title: 'Widgets/DowntimeChart', component: DowntimeChart } satisfies Meta<typeof DowntimeChart>

const stories = widgetStories(DowntimeChart)
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
