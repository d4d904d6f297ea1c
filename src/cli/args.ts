/**
 * What both commands share: Node's own argument parser (strict, so an unknown or
 * misspelt option is refused, never ignored), one error style, one way to read a file.
 */
import { readFileSync } from 'node:fs'
import { parseArgs, type ParseArgsConfig } from 'node:util'

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export type ReadFile = (path: string) => string
export const readUtf8: ReadFile = (path) => readFileSync(path, 'utf8')

/** Exit status 2: the command line is wrong or the file cannot be read; the message is one line on stderr. */
export const usageError = (message: string): CliResult => ({ code: 2, stdout: '', stderr: `[ghatna] ${message}\n` })

/** Help asked for: usage on stdout, exit 0. */
export const helpText = (text: string): CliResult => ({ code: 0, stdout: `${text}\n`, stderr: '' })

type Options = NonNullable<ParseArgsConfig['options']>
type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] }

/** parseArgs with its errors said in one line, naming the command and where its help is. */
export function parseCommand(command: string, args: readonly string[], options: Options, allowPositionals: boolean): Parsed | CliResult {
  const see = `See ghatna ${command} --help.`
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals })
    return { values: values as Parsed['values'], positionals }
  } catch (cause) {
    const code = (cause as { code?: string }).code
    const message = cause instanceof Error ? cause.message : String(cause)
    const named = /'([^']+)'/.exec(message)?.[1] ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return usageError(`${command}: unknown option ${named}. ${see}`)
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return usageError(`${command}: ${named.replace(/ <value>$/, '')} needs a value. ${see}`)
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return usageError(`${command}: unexpected argument ${named}. ${see}`)
    return usageError(`${command}: ${message}. ${see}`)
  }
}

export const isResult = (value: unknown): value is CliResult => typeof value === 'object' && value !== null && 'code' in value && 'stderr' in value

/** The same message for an unreadable file in every command. */
export function readInput(path: string, readFile: ReadFile): string | CliResult {
  try {
    return readFile(path)
  } catch (cause) {
    const code = (cause as { code?: string }).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : cause instanceof Error ? cause.message : String(cause)
    return usageError(`cannot read ${path}: ${reason}`)
  }
}
