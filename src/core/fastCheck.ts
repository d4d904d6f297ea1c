/**
 * A yes/no checker built from the same valibot schemas the validator runs.
 *
 * valibot copies every object it checks and builds an issue for every union
 * option that does not match, so 100 000 incidents cost ~1.5 s and a large heap.
 * Nearly every incident in a real file is valid: this checker answers "certainly
 * valid" without allocating, and the validator then keeps the parsed object as
 * it is. Anything else ("invalid" or "not sure") goes through valibot, which
 * gives the detailed issues. Built from the schema objects, so it cannot drift
 * from them; a schema part it does not know makes it answer "not sure".
 */
import type { GenericSchema } from 'valibot'

/**
 * True only when valibot would accept the value and return an equal copy of it,
 * and no object in it holds a key its schema does not name.
 */
export type FastCheck = (value: unknown) => boolean

interface SchemaNode {
  type: string
  kind?: string
  pipe?: SchemaNode[]
  wrapped?: SchemaNode
  default?: unknown
  item?: SchemaNode
  entries?: Record<string, SchemaNode>
  options?: readonly SchemaNode[] | readonly unknown[]
  key?: SchemaNode
  value?: SchemaNode
  literal?: unknown
  requirement?: unknown
  check?: (input: unknown) => unknown
}

const never: FastCheck = () => false

/** Keys valibot leaves out of its copy: an object holding one is not returned as it came. */
function hasDroppedKey(value: object): boolean {
  return Object.hasOwn(value, '__proto__') || Object.hasOwn(value, 'prototype') || Object.hasOwn(value, 'constructor')
}

function actionCheck(action: SchemaNode): FastCheck | undefined {
  // A schema inside a pipe checks the value the step before let through.
  if (action.kind === 'schema') return compileFastCheck(action)
  const requirement = action.requirement
  switch (action.type) {
    case 'description':
      return undefined
    case 'regex': {
      const pattern = requirement as RegExp
      if (pattern.global || pattern.sticky) return never
      return (value) => pattern.test(value as string)
    }
    case 'min_length':
      return (value) => (value as { length: number }).length >= (requirement as number)
    case 'min_value':
      return (value) => (value as number) >= (requirement as number)
    case 'finite':
      return (value) => Number.isFinite(value)
    case 'check':
      return (value) => Boolean((requirement as (input: unknown) => unknown)(value))
    default:
      return never
  }
}

function looseObjectCheck(node: SchemaNode): FastCheck {
  const entries = new Map(Object.entries(node.entries!).map(([name, schema]) => [name, {
    check: compileFastCheck(schema),
    required: schema.type !== 'optional' && schema.type !== 'exact_optional' && schema.type !== 'nullish',
  }]))
  const requiredCount = [...entries.values()].filter((entry) => entry.required).length
  // Walks the value's keys, not the schema's: a key the schema does not name means "not sure",
  // so the validator can skip its unknown-key walk for every incident answered "yes".
  return (value) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false
    let required = 0
    for (const name in value) {
      const entry = entries.get(name)
      if (!entry || !Object.hasOwn(value, name) || !entry.check((value as Record<string, unknown>)[name])) return false
      if (entry.required) required += 1
    }
    return required === requiredCount
  }
}

function recordCheck(node: SchemaNode): FastCheck {
  const key = compileFastCheck(node.key!)
  const entry = compileFastCheck(node.value!)
  return (value) => {
    if (!value || typeof value !== 'object' || hasDroppedKey(value)) return false
    for (const name in value) {
      if (!Object.hasOwn(value, name)) return false
      if (!key(name) || !entry((value as Record<string, unknown>)[name])) return false
    }
    return true
  }
}

function typeCheck(node: SchemaNode): FastCheck {
  switch (node.type) {
    case 'string':
      return (value) => typeof value === 'string'
    case 'number':
      return (value) => typeof value === 'number' && !Number.isNaN(value)
    case 'boolean':
      return (value) => typeof value === 'boolean'
    case 'custom': {
      const check = node.check!
      return (value) => Boolean(check(value))
    }
    case 'literal': {
      const literal = node.literal
      return (value) => value === literal
    }
    case 'picklist': {
      const options = new Set(node.options as readonly unknown[])
      return (value) => options.has(value)
    }
    case 'optional': {
      if (node.default !== undefined || !node.wrapped) return never
      const wrapped = compileFastCheck(node.wrapped)
      return (value) => value === undefined || wrapped(value)
    }
    case 'array': {
      const item = compileFastCheck(node.item!)
      return (value) => {
        if (!Array.isArray(value)) return false
        for (let index = 0; index < value.length; index++) if (!item(value[index])) return false
        return true
      }
    }
    case 'union': {
      const options = (node.options as SchemaNode[]).map(compileFastCheck)
      return (value) => {
        for (const option of options) if (option(value)) return true
        return false
      }
    }
    case 'record':
      return recordCheck(node)
    case 'loose_object':
      return looseObjectCheck(node)
    default:
      return never
  }
}

/** Builds the checker for a schema (with its pipe of checks). */
export function compileFastCheck(schema: GenericSchema | SchemaNode): FastCheck {
  const node = schema as SchemaNode
  // pipe[0] is the schema being piped, which may carry a pipe of its own.
  const base = node.pipe ? compileFastCheck(node.pipe[0]!) : typeCheck(node)
  const actions = (node.pipe ?? []).slice(1).map(actionCheck).filter((check): check is FastCheck => check !== undefined)
  if (actions.length === 0) return base
  return (value) => {
    if (!base(value)) return false
    for (const action of actions) if (!action(value)) return false
    return true
  }
}
