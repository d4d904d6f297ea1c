/** The widgets an element or `mount()` can show; kept apart from their loaders so the elements' types need no Vue. */
export const WIDGET_NAMES = ['map', 'downtime', 'impact', 'timeline', 'dashboard'] as const
export type WidgetName = (typeof WIDGET_NAMES)[number]
