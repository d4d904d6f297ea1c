// The page's own jQuery: a counter, and a widget added to the group later (jQuery's append, from an HTML string).
$(function () {
  let n = 0
  $('#count').on('click', function () { $(this).text(`Clicked ${++n}`) })
  $('#toggle-late').on('click', function () {
    $('#late').append('<ghatna-impact id="w-late" src="/data/real.json" group="g"></ghatna-impact>')
  })
})
