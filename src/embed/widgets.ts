import type { Component } from 'vue'

/** Each element's widget, loaded only when an element of that kind comes near the viewport. */
export const WIDGET_LOADERS = {
  map: () => import('../widgets/IncidentMap/IncidentMap.vue'),
  downtime: () => import('../widgets/DowntimeChart/DowntimeChart.vue'),
  impact: () => import('../widgets/ImpactChart/ImpactChart.vue'),
  timeline: () => import('../widgets/ResponseTimeline/ResponseTimeline.vue'),
  dashboard: () => import('./EmbedDashboard.vue'),
} satisfies Record<string, () => Promise<{ default: Component }>>

export type WidgetName = keyof typeof WIDGET_LOADERS
export const WIDGET_NAMES = Object.keys(WIDGET_LOADERS) as WidgetName[]
