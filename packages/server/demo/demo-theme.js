// The demo's switches, beside the session bar, each remembered for the next visit: the theme (the site's own colours
// from demo.css, the platform's default blue, or one of the two example themes served next to the widgets,
// /cdn/themes/*.css), the widgets' language, and care mode (适老化). A webmaster needs no more than these lines either:
// a stylesheet link, a `lang` on the widgets, `care` on <html>.
const THEME_KEY = 'smec-demo-theme';
const LANG_KEY = 'smec-demo-lang';
const CARE_KEY = 'smec-demo-care';
const THEMES = [
  { id: '', name: '本站红' },
  { id: 'default', name: '默认蓝' },
  { id: 'gov-red', name: '政务红' },
  { id: 'neutral-blue', name: '中性蓝' },
];
const LANGS = [
  { id: 'zh-CN', name: '简体中文' },
  { id: 'zh-HK', name: '繁體中文' },
  { id: 'en', name: 'English' },
];

function applyTheme(id) {
  // The site's stylesheet colours the widgets red; 「默认蓝」 lifts that (demo.css) to show the platform's own blue.
  document.documentElement.toggleAttribute('data-demo-default-theme', id === 'default');
  let link = document.getElementById('smec-theme');
  if (!id || id === 'default') {
    link?.remove();
    return;
  }
  if (!link) {
    link = document.createElement('link');
    link.id = 'smec-theme';
    link.rel = 'stylesheet';
    document.head.append(link);
  }
  link.href = `/cdn/themes/${id}.css`;
}

/** The language of the page's widgets; the page itself stays in Chinese. */
function applyLang(id) {
  for (const element of document.querySelectorAll('body *')) {
    if (element.localName.startsWith('smec-')) element.setAttribute('lang', id);
  }
}

function applyCare(on) {
  document.documentElement.toggleAttribute('care', on);
}

function saved(key, choices) {
  const id = localStorage.getItem(key) ?? choices[0].id;
  return choices.some((choice) => choice.id === id) ? id : choices[0].id;
}

function picker(id, text, choices, value, onChange) {
  const label = document.createElement('label');
  label.className = 'demo-switch';
  label.append(text);
  const select = document.createElement('select');
  select.id = id;
  for (const choice of choices) {
    const option = document.createElement('option');
    option.value = choice.id;
    option.textContent = choice.name;
    select.append(option);
  }
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  label.append(select);
  return label;
}

function careSwitch(on) {
  const label = document.createElement('label');
  label.className = 'demo-switch';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.id = 'demo-care';
  box.checked = on;
  box.addEventListener('change', () => {
    localStorage.setItem(CARE_KEY, box.checked ? 'on' : 'off');
    applyCare(box.checked);
  });
  label.append(box, '关怀模式');
  return label;
}

function renderSwitches(theme, lang, care) {
  const anchor = document.getElementById('demo-session');
  if (!anchor) return;
  anchor.before(
    picker('demo-theme', '主题', THEMES, theme, (id) => {
      localStorage.setItem(THEME_KEY, id);
      applyTheme(id);
    }),
    picker('demo-lang', '语言', LANGS, lang, (id) => {
      localStorage.setItem(LANG_KEY, id);
      applyLang(id);
    }),
    careSwitch(care),
  );
}

const theme = saved(THEME_KEY, THEMES);
const lang = saved(LANG_KEY, LANGS);
const care = localStorage.getItem(CARE_KEY) === 'on';
applyTheme(theme);
if (lang !== 'zh-CN') applyLang(lang);
applyCare(care);
renderSwitches(theme, lang, care);
