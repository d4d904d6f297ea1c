import type { Component } from 'vue'
import type { WidgetName } from './widgetNames'

export { WIDGET_NAMES, type WidgetName } from './widgetNames'

/** Each element's widget, loaded only when an element of that kind comes near the viewport. */
export const WIDGET_LOADERS: Record<WidgetName, () => Promise<{ default: Component }>> = {
  map: () => import('../widgets/IncidentMap/IncidentMap.vue'),
  downtime: () => import('../widgets/DowntimeChart/DowntimeChart.vue'),
  impact: () => import('../widgets/ImpactChart/ImpactChart.vue'),
  timeline: () => import('../widgets/ResponseTimeline/ResponseTimeline.vue'),
  dashboard: () => import('./EmbedDashboard.vue'),
}
