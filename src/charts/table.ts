/** A column of a widget's data table (and of its CSV export). */
export interface TableColumn {
  key: string
  label: string
  numeric?: boolean
}
