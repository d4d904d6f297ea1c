// Globals other frameworks and ad scripts leave on a news page.
window.$ = window.jQuery = function jQuery() { return { on() {}, off() {} } }
window.Vue = { version: '2.6.14', config: {} }
window.React = { version: '16.14.0' }
window.echarts = { version: '4.9.0', init() { throw new Error('old echarts used by the page') } }
window.define = function define() {}
window.define.amd = {}
window.process = { env: { NODE_ENV: 'development' } }
