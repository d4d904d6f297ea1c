import type { Meta } from '@storybook/vue3-vite'
import ImpactChart from '../src/widgets/ImpactChart/ImpactChart.vue'
import { widgetStories } from './support'

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
