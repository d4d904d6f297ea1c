// The page's own script, without innerHTML (the page may enforce Trusted Types): a counter, and a widget added to the group later.
let n = 0
document.querySelector('#count').addEventListener('click', (event) => (event.target.textContent = `Clicked ${++n}`))
document.querySelector('#toggle-late').addEventListener('click', () => {
  const late = document.createElement('ghatna-impact')
  late.id = 'w-late'
  late.setAttribute('src', '/data/real.json')
  late.setAttribute('group', 'g')
  const theme = document.querySelector('#w-map').getAttribute('theme')
  if (theme) late.setAttribute('theme', theme)
  document.querySelector('#late').append(late)
})
