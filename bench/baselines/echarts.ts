import { drawMap, fetchValues } from './map'

drawMap(document.getElementById('chart')!, await fetchValues())
