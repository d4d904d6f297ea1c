import type { InjectionKey } from 'vue'

/**
 * Provided by a page that shows the dataset's partial-load notice once for all
 * its widgets (the dashboard); a widget embedded alone shows the notice itself.
 */
export const DATASET_NOTICE_SHOWN: InjectionKey<boolean> = Symbol('ghatna-dataset-notice-shown')
