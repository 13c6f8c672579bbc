// The demo's theme picker: the widgets in the platform's default look, or in one of the two example themes served
// next to them (/cdn/themes/*.css), remembered for the next visit. A stylesheet link is all a webmaster needs too.
const KEY = 'smec-demo-theme';
const THEMES = [
  { id: '', name: '默认蓝 Default' },
  { id: 'gov-red', name: '政务红 Government red' },
  { id: 'neutral-blue', name: '中性蓝 Neutral blue' },
];

function applyTheme(id) {
  let link = document.getElementById('smec-theme');
  if (!id) {
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

function savedTheme() {
  const id = localStorage.getItem(KEY) ?? '';
  return THEMES.some((theme) => theme.id === id) ? id : '';
}

function renderPicker() {
  const anchor = document.getElementById('demo-session');
  if (!anchor) return;
  const label = document.createElement('label');
  label.className = 'theme-picker';
  label.append('主题 Theme ');
  const select = document.createElement('select');
  select.id = 'demo-theme';
  for (const theme of THEMES) {
    const option = document.createElement('option');
    option.value = theme.id;
    option.textContent = theme.name;
    select.append(option);
  }
  select.value = savedTheme();
  select.addEventListener('change', () => {
    localStorage.setItem(KEY, select.value);
    applyTheme(select.value);
  });
  label.append(select);
  anchor.before(label);
}

applyTheme(savedTheme());
renderPicker();
