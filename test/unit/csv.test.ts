import { describe, expect, it } from 'vitest'
import { toCsv } from '../../src/core/csv'

describe('toCsv', () => {
  it('writes the preamble, quotes what needs quoting and defuses formulas', () => {
    const csv = toCsv(['Dataset: Test, v1', 'Licence: CC-BY-4.0'], [{ key: 'a', label: 'Incident' }, { key: 'b', label: 'Figure' }], [
      { a: 'Says "hello", twice', b: '1,000' },
      { a: '=HYPERLINK("http://evil")', b: '-5' },
      { a: '@SUM(A1)', b: '+91 phone' },
    ])
    expect(csv).toBe(
      '# Dataset: Test, v1\r\n# Licence: CC-BY-4.0\r\nIncident,Figure\r\n"Says ""hello"", twice","1,000"\r\n"\'=HYPERLINK(""http://evil"")",-5\r\n\'@SUM(A1),\'+91 phone\r\n',
    )
  })
})
