// The demo site's sign-in, shared by every page: the token from the sign-in page lives in sessionStorage (one tab,
// gone when it closes) and goes to every <smec-root> as its getToken. External file: the CSP allows no inline script,
// and only DOM methods (never innerHTML) build the page, as Trusted Types require.
const KEY = 'smec-demo-session';

function readSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) ?? 'null');
    if (session && typeof session.token === 'string' && Date.parse(session.expiresAt) > Date.now()) return session;
  } catch {
    // A damaged entry is the same as none.
  }
  sessionStorage.removeItem(KEY);
  return null;
}

/** Only a path of this site: a return URL must never send the visitor elsewhere. */
function safeReturn(value) {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')
    ? value
    : '/';
}

function signInUrl() {
  return `/signin?return=${encodeURIComponent(location.pathname + location.search)}`;
}

const session = readSession();

// Signed out, the roots get no token provider at all: the widgets then know without asking the platform.
if (session) {
  for (const root of document.querySelectorAll('smec-root')) root.getToken = () => readSession()?.token ?? null;
  // The workbench learns the staff member's level and region from the platform; the header shows the center's name.
  for (const workbench of document.querySelectorAll('smec-center-workbench')) {
    if (session.role === 'admin' && session.organization) workbench.setAttribute('region-name', session.organization);
  }
}

// A widget asks for sign-in (登录后报名, 登录): this site's sign-in page, and back here afterwards.
document.addEventListener('smec-auth-required', () => location.assign(signInUrl()));

function renderSessionBar() {
  const bar = document.getElementById('demo-session');
  if (!bar) return;
  bar.replaceChildren();
  if (session) {
    const who = document.createElement('span');
    who.textContent = `已登录：${session.name}`;
    const out = document.createElement('button');
    out.type = 'button';
    out.className = 'session__button';
    out.textContent = '退出';
    out.addEventListener('click', () => {
      sessionStorage.removeItem(KEY);
      location.reload();
    });
    bar.append(who, ' ', out);
  } else {
    const link = document.createElement('a');
    link.href = signInUrl();
    link.textContent = '登录';
    bar.append(link);
  }
}

const ROLE_NAMES = { enterprise: '企业用户', provider: '服务机构', admin: '服务中心工作人员' };
// A center account's level, shown with its name: the demo signs in at each of the three.
const STAFF_ROLE_NAMES = { admin: '管理员', staff: '业务员', viewer: '只读' };

async function renderSignInPage() {
  const list = document.getElementById('demo-users');
  if (!list) return;
  const status = document.getElementById('demo-signin-status');
  const back = safeReturn(new URLSearchParams(location.search).get('return'));
  try {
    const response = await fetch('/api/v1/demo/users');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { items } = await response.json();
    list.replaceChildren();
    for (const role of ['enterprise', 'provider', 'admin']) {
      const users = items.filter((user) => user.role === role);
      if (users.length === 0) continue;
      const section = document.createElement('section');
      const heading = document.createElement('h2');
      heading.textContent = ROLE_NAMES[role];
      const ul = document.createElement('ul');
      ul.className = 'user-list';
      for (const user of users) {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'user-button';
        button.dataset.userId = user.id;
        const level = user.staffRole ? ` · ${STAFF_ROLE_NAMES[user.staffRole] ?? user.staffRole}` : '';
        button.textContent = `${user.name}${user.organization ? `（${user.organization}）` : ''}${level}`;
        button.addEventListener('click', () => signIn(user, back, status));
        li.append(button);
        ul.append(li);
      }
      section.append(heading, ul);
      list.append(section);
    }
    if (status) status.textContent = '请选择一个演示账号登录。';
  } catch (error) {
    if (status) status.textContent = `无法加载演示账号：${error.message}`;
  }
}

async function signIn(user, back, status) {
  if (status) status.textContent = '正在登录…';
  try {
    const response = await fetch('/api/v1/demo/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: user.id }),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { token, expiresAt } = await response.json();
    sessionStorage.setItem(
      KEY,
      JSON.stringify({
        token,
        expiresAt,
        name: user.name,
        role: user.role,
        staffRole: user.staffRole ?? null,
        organization: user.organization,
      }),
    );
    location.assign(back);
  } catch (error) {
    if (status) status.textContent = `登录失败：${error.message}`;
  }
}

renderSessionBar();
void renderSignInPage();
