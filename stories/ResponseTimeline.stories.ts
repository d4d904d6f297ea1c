import type { Meta } from '@storybook/vue3-vite'
import ResponseTimeline from '../src/widgets/ResponseTimeline/ResponseTimeline.vue'
import { widgetStories } from './support'
import { responseOverview } from '../src/widgets/ResponseTimeline/model'
import { validateDataset } from '../src/core/validate'
import realDataset from '../src/data/incidents.real.json'

export default { title: 'Widgets/ResponseTimeline', component: ResponseTimeline } satisfies Meta<typeof ResponseTimeline>

const stories = widgetStories(ResponseTimeline)
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

/** The real incident with the most agency actions, found by the model the widget uses. */
const busiest = [...responseOverview(validateDataset(realDataset).dataset!.incidents, [], 'Asia/Kolkata')].sort((a, b) => b.responses - a.responses)[0]!.incident.id
export const BusiestRealIncident = widgetStories(ResponseTimeline, { incident: busiest }).RealData
export const BusiestStress = widgetStories(ResponseTimeline, { incident: 'synthetic-busy' }).Stress
