// Names what each rating widget of /ratings rates: the widget's own heading says only 「服务评价」, and a page with two
// of them must say which product and which provider. The names come from the API, so they follow the seed.
async function nameOf(path) {
  const response = await fetch(`/api/v1/${path}`);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()).name;
}

async function nameSubjects() {
  for (const widget of document.querySelectorAll('smec-feedback-rating[id]')) {
    const target = document.querySelector(`[data-rating-subject="${widget.id}"]`);
    const productId = widget.getAttribute('product-id');
    const providerId = widget.getAttribute('provider-id');
    if (!target || !(productId || providerId)) continue;
    const path = productId
      ? `products/${encodeURIComponent(productId)}`
      : `providers/${encodeURIComponent(providerId)}`;
    try {
      target.textContent = `：${await nameOf(path)}`;
    } catch {
      // The heading still says which kind of subject the widget rates.
    }
  }
}

void nameSubjects();
